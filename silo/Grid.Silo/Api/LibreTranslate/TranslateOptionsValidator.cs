using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>Refuses to start with <c>Grid:Translate</c> settings that cannot work, with a sentence per key.</summary>
public sealed class TranslateOptionsValidator : IValidateOptions<TranslateOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslateOptions options)
    {
        var errors = new List<string>();
        if (options.MaxChars is < 1 or > 1_000_000)
            errors.Add($"Grid:Translate:MaxChars is {options.MaxChars}: use 1 to 1000000 (longer texts belong in /api/articles).");
        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromHours(1))
            errors.Add($"Grid:Translate:Timeout is {options.Timeout}: use 00:00:01 to 01:00:00.");
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > options.Timeout)
            errors.Add($"Grid:Translate:PollInterval is {options.PollInterval}: use 00:00:00.010 up to Grid:Translate:Timeout.");
        if (options.RestartInterval < options.PollInterval)
            errors.Add($"Grid:Translate:RestartInterval is {options.RestartInterval}: use at least Grid:Translate:PollInterval ({options.PollInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
