using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm;

/// <summary>Refuses to start with LLM settings that could only fail later, mid-article.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Model))
            errors.Add("Grid:Llm:Model is empty: name the model the backends serve, e.g. qwen2.5:7b.");
        if (options.ContextTokens < 512)
            errors.Add($"Grid:Llm:ContextTokens is {options.ContextTokens}: it must be at least 512.");
        if (options.RetryTemperature is < 0 or > 2)
            errors.Add($"Grid:Llm:RetryTemperature is {options.RetryTemperature}: use 0 to 2 (0.4 by default).");
        if (options.MaxAttempts < 1)
            errors.Add("Grid:Llm:MaxAttempts must be at least 1.");
        if (options.RequestTimeout <= TimeSpan.Zero)
            errors.Add("Grid:Llm:RequestTimeout must be positive.");
        if (options.StreamIdleTimeout <= TimeSpan.Zero)
            errors.Add("Grid:Llm:StreamIdleTimeout must be positive.");
        if (options.FirstTokenTimeout < options.StreamIdleTimeout)
            errors.Add($"Grid:Llm:FirstTokenTimeout is {options.FirstTokenTimeout}: it must be at least Grid:Llm:StreamIdleTimeout ({options.StreamIdleTimeout}), as the first token may wait for the model to load.");
        if (options.GiveUpAfter <= TimeSpan.Zero)
            errors.Add("Grid:Llm:GiveUpAfter must be positive.");
        for (var i = 0; i < options.EffectiveEndpoints.Count; i++)
        {
            var endpoint = options.EffectiveEndpoints[i];
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                errors.Add($"Grid:Llm:Endpoints:{i}:Url '{endpoint.Url}' is not an http(s) URL.");
            if (endpoint.Slots < 1)
                errors.Add($"Grid:Llm:Endpoints:{i}:Slots is {endpoint.Slots}: a backend serves at least one request at once.");
            if (!Enum.IsDefined(endpoint.Kind))
                errors.Add($"Grid:Llm:Endpoints:{i}:Kind '{endpoint.Kind}' is not one of Ollama, OpenAI.");
        }
        var urls = options.EffectiveEndpoints.Select(endpoint => endpoint.Url.TrimEnd('/')).ToList();
        if (urls.Distinct(StringComparer.OrdinalIgnoreCase).Count() != urls.Count)
            errors.Add("Grid:Llm:Endpoints lists one URL twice: each backend once, with all its slots.");
        if (options.SlotLeaseTime < TimeSpan.FromSeconds(1))
            errors.Add($"Grid:Llm:SlotLeaseTime is {options.SlotLeaseTime}: it must be at least a second, as slots are renewed every third of it.");
        if (options.MaxQueuedPerSilo is < 1)
            errors.Add($"Grid:Llm:MaxQueuedPerSilo is {options.MaxQueuedPerSilo}: at least 1 (leave it out for twice the slots of all endpoints).");
        if (options.CircuitFailures < 1)
            errors.Add("Grid:Llm:CircuitFailures must be at least 1.");
        if (options.CircuitBreakTime <= TimeSpan.Zero || options.CircuitMaxBreakTime < options.CircuitBreakTime)
            errors.Add("Grid:Llm:CircuitBreakTime must be positive and no longer than Grid:Llm:CircuitMaxBreakTime.");
        if (options.CheckPeriod <= TimeSpan.Zero)
            errors.Add("Grid:Llm:CheckPeriod must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
