using Microsoft.Extensions.Options;

namespace Grid.Grains.Feeds;

/// <summary>Refuses to start with feed polling that hammers sites, never gives up waiting, or remembers without bound.</summary>
public sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        var errors = new List<string>();
        if (options.MinimumEvery < TimeSpan.FromSeconds(1) || options.MinimumEvery > TimeSpan.FromDays(1))
            errors.Add($"Grid:Feeds:MinimumEvery is {options.MinimumEvery}: use 00:00:01 to 1.00:00:00.");
        if (options.ReminderPeriod < TimeSpan.FromSeconds(1) || options.ReminderPeriod > TimeSpan.FromHours(1))
            errors.Add($"Grid:Feeds:ReminderPeriod is {options.ReminderPeriod}: use 00:00:01 to 01:00:00.");
        if (options.MaxBackoff < options.MinimumEvery || options.MaxBackoff > TimeSpan.FromDays(7))
            errors.Add($"Grid:Feeds:MaxBackoff is {options.MaxBackoff}: use Grid:Feeds:MinimumEvery to 7.00:00:00.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
            errors.Add($"Grid:Feeds:Timeout is {options.Timeout}: use more than 0 and at most 00:05:00.");
        if (options.MaxBytes is < 1024 or > 64 * 1024 * 1024)
            errors.Add($"Grid:Feeds:MaxBytes is {options.MaxBytes}: use 1024 to 67108864.");
        if (options.MaxItemsPerPoll is < 1 or > 10_000)
            errors.Add($"Grid:Feeds:MaxItemsPerPoll is {options.MaxItemsPerPoll}: use 1 to 10000.");
        if (options.MaxRememberedItems is < 100 or > 1_000_000)
            errors.Add($"Grid:Feeds:MaxRememberedItems is {options.MaxRememberedItems}: use 100 to 1000000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
