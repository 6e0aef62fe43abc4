using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm;

/// <summary>
/// Checks an endpoint the way a person would before sending it work: is it reachable, does it have
/// the model (Ollama's <c>/api/tags</c>, OpenAI's <c>/v1/models</c>), and, on Ollama, loads the model
/// with a long keep-alive so the first real request does not wait for it. A missing model is pulled
/// when <c>Grid:Llm:PullMissingModel</c> is on.
/// </summary>
public sealed partial class LlmEndpointChecker(LlmModelPuller puller, IOptions<LlmOptions> options, TimeProvider clock, ILogger<LlmEndpointChecker> logger)
{
    /// <summary>A check that takes longer finds the endpoint unreachable; a pull may take as long as it needs.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private readonly LlmOptions _options = options.Value;

    public async Task<LlmEndpointHealth> CheckAsync(LlmEndpoint endpoint, CancellationToken cancellationToken)
    {
        var previous = endpoint.Health;
        var health = await ProbeAsync(endpoint, previous, cancellationToken);
        endpoint.Health = health;
        if (health.Problem is { } problem && problem != previous.Problem)
            LogProblem(endpoint.Url, problem);
        else if (health.Problem is null && (!previous.Checked || previous.Problem is not null))
            LogReady(endpoint.Url, _options.Model, health.Warmed);
        return health;
    }

    private async Task<LlmEndpointHealth> ProbeAsync(LlmEndpoint endpoint, LlmEndpointHealth previous, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<string> models;
        try
        {
            models = await WithTimeoutAsync(token => ModelsAsync(endpoint, token), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new(true, false, false, false, $"{endpoint.Url} is unreachable: {error.Message}", now);
        }

        if (!HasModel(endpoint, models))
        {
            if (!_options.PullMissingModel || endpoint.Kind != LlmEndpointKind.Ollama)
                return new(true, true, false, false, MissingModelProblem(endpoint), now);
            try
            {
                await puller.PullAsync(endpoint, cancellationToken);
            }
            catch (LlmCallFailure failure)
            {
                return new(true, true, false, false, failure.Message, now);
            }
        }

        // Warmed once per time the endpoint comes (back) up; Ollama keeps it loaded for the keep-alive after each request.
        var warmed = previous.Warmed && previous.Problem is null;
        if (!warmed && endpoint.Kind == LlmEndpointKind.Ollama)
        {
            try
            {
                await WithTimeoutAsync(token => WarmAsync(endpoint, token), cancellationToken);
                warmed = true;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogWarmFailed(endpoint.Url, error.Message);
            }
        }
        return new(true, true, true, warmed, null, now);
    }

    private async Task<IReadOnlyList<string>> ModelsAsync(LlmEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.Kind == LlmEndpointKind.OpenAI)
        {
            var list = await endpoint.Http.GetFromJsonAsync<JsonObject>(new Uri(LlmEndpointPool.OpenAIBase(endpoint.Url) + "/models"), cancellationToken);
            return [.. (list?["data"] as JsonArray ?? []).Select(model => (string?)model?["id"]).OfType<string>()];
        }
        var tags = await endpoint.Http.GetFromJsonAsync<JsonObject>("api/tags", cancellationToken);
        return [.. (tags?["models"] as JsonArray ?? []).Select(model => (string?)model?["name"]).OfType<string>()];
    }

    /// <summary>Ollama loads a model when asked to generate from no prompt, and keeps it for <c>keep_alive</c>.</summary>
    private async Task WarmAsync(LlmEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var response = await endpoint.Http.PostAsJsonAsync("api/generate",
            new JsonObject { ["model"] = _options.Model, ["keep_alive"] = _options.KeepAlive, ["stream"] = false }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private bool HasModel(LlmEndpoint endpoint, IReadOnlyList<string> models) => endpoint.Kind == LlmEndpointKind.OpenAI
        ? models.Contains(_options.Model, StringComparer.Ordinal)
        : models.Select(OllamaName).Contains(OllamaName(_options.Model), StringComparer.OrdinalIgnoreCase);

    /// <summary>Ollama lists "qwen2.5" as "qwen2.5:latest".</summary>
    private static string OllamaName(string name) => name.Contains(':') ? name : name + ":latest";

    private string MissingModelProblem(LlmEndpoint endpoint) => endpoint.Kind == LlmEndpointKind.OpenAI
        ? $"model '{_options.Model}' is not served by {endpoint.Url}: start the server with it (vLLM: --model or --served-model-name {_options.Model}), or set Grid:Llm:Model to one it lists at /v1/models."
        : $"model '{_options.Model}' is not on {endpoint.Url}: run 'ollama pull {_options.Model}' there, or set Grid:Llm:PullMissingModel=true.";

    private static async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        return await check(timeout.Token);
    }

    private static Task WithTimeoutAsync(Func<CancellationToken, Task> check, CancellationToken cancellationToken) =>
        WithTimeoutAsync(async token => { await check(token); return true; }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM endpoint {Endpoint}: {Problem}")]
    private partial void LogProblem(string endpoint, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM endpoint {Endpoint} is ready with {Model} (warmed: {Warmed})")]
    private partial void LogReady(string endpoint, string model, bool warmed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the model on {Endpoint} failed: {Reason}")]
    private partial void LogWarmFailed(string endpoint, string reason);
}
