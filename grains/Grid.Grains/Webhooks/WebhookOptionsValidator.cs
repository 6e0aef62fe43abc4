using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

/// <summary>Refuses to start with a guessable secret or timings that never retry or never give up.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        if (options.Secret is { Length: > 0 and < 16 })
            errors.Add($"Grid:Webhooks:Secret has {options.Secret.Length} characters: use 16 or more, or none to turn webhooks off.");
        if (options.GiveUpAfter <= TimeSpan.Zero || options.GiveUpAfter > TimeSpan.FromDays(30))
            errors.Add($"Grid:Webhooks:GiveUpAfter is {options.GiveUpAfter}: use more than 0 and at most 30.00:00:00.");
        if (options.RetryAfter <= TimeSpan.Zero || options.RetryAfter > TimeSpan.FromHours(1))
            errors.Add($"Grid:Webhooks:RetryAfter is {options.RetryAfter}: use more than 0 and at most 01:00:00.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
            errors.Add($"Grid:Webhooks:Timeout is {options.Timeout}: use more than 0 and at most 00:05:00.");
        if (options.SweepPeriod < TimeSpan.FromMilliseconds(100) || options.SweepPeriod > TimeSpan.FromHours(1))
            errors.Add($"Grid:Webhooks:SweepPeriod is {options.SweepPeriod}: use 00:00:00.1 to 01:00:00.");
        if (options.OutboxShards is < 1 or > WebhookOutboxShards.Most)
            errors.Add($"Grid:Webhooks:OutboxShards is {options.OutboxShards}: use 1 to {WebhookOutboxShards.Most}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
