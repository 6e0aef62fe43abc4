using Microsoft.Extensions.Options;

namespace Grid.Grains.Pages;

/// <summary>Refuses to start with page fetches that never end, never read a page, or retry without bound.</summary>
public sealed class PageOptionsValidator : IValidateOptions<PageOptions>
{
    public ValidateOptionsResult Validate(string? name, PageOptions options)
    {
        var errors = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
            errors.Add($"Grid:Pages:Timeout is {options.Timeout}: use more than 0 and at most 00:05:00.");
        if (options.MaxBytes is < 1024 or > 64 * 1024 * 1024)
            errors.Add($"Grid:Pages:MaxBytes is {options.MaxBytes}: use 1024 to 67108864.");
        if (options.Attempts is < 1 or > 10)
            errors.Add($"Grid:Pages:Attempts is {options.Attempts}: use 1 to 10.");
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(5))
            errors.Add($"Grid:Pages:RetryDelay is {options.RetryDelay}: use 0 to 00:05:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
