using Microsoft.Extensions.Options;

namespace Grid.Silo.Api;

/// <summary>Refuses to start with an API configuration that cannot work, with a sentence per key.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var errors = new List<string>();
        if (options.Keys.Any(key => key.Trim().Length < MinKeyLength))
            errors.Add($"Grid:Api:Keys holds a key shorter than {MinKeyLength} characters: short keys can be guessed; use long random ones (e.g. openssl rand -hex 32).");
        if (options.Keys.Distinct(StringComparer.Ordinal).Count() != options.Keys.Length)
            errors.Add("Grid:Api:Keys holds the same key twice: give each caller its own key.");
        if (options.RequestsPerMinute < 0)
            errors.Add($"Grid:Api:RequestsPerMinute is {options.RequestsPerMinute}: use 0 (no limit) or more.");
        if (options.FailedKeyAttemptsPerMinute < 0)
            errors.Add($"Grid:Api:FailedKeyAttemptsPerMinute is {options.FailedKeyAttemptsPerMinute}: use 0 (no limit) or more.");
        if (options.MaxBatchItems is < 1 or > 10_000)
            errors.Add($"Grid:Api:MaxBatchItems is {options.MaxBatchItems}: use 1 to 10000.");
        if (options.MaxBatchBytes < 1024)
            errors.Add($"Grid:Api:MaxBatchBytes is {options.MaxBatchBytes}: allow at least 1024 bytes.");
        if (options.EventsPollInterval < TimeSpan.FromMilliseconds(10) || options.EventsPollInterval > TimeSpan.FromMinutes(1))
            errors.Add($"Grid:Api:EventsPollInterval is {options.EventsPollInterval}: use 00:00:00.010 to 00:01:00.");
        if (options.EventsKeepAlive < options.EventsPollInterval)
            errors.Add($"Grid:Api:EventsKeepAlive is {options.EventsKeepAlive}: use at least Grid:Api:EventsPollInterval ({options.EventsPollInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
