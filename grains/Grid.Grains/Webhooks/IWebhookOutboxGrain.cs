using Grid.Abstractions;

namespace Grid.Grains.Webhooks;

/// <summary>
/// The index of articles with deliveries pending, and the sweep that wakes them: a delivery whose
/// silo crashed is picked up by the next sweep, which every silo runs at start.
/// </summary>
[Alias("grid.IWebhookOutboxGrain")]
public interface IWebhookOutboxGrain : ISingletonGrain
{
    [Alias("track")]
    Task TrackAsync(string articleId);

    [Alias("untrack")]
    Task UntrackAsync(string articleId);

    /// <summary>Wakes every tracked article's webhook grain and forgets those with nothing pending; returns how many are left.</summary>
    [Alias("sweep")]
    Task<int> SweepAsync();
}
