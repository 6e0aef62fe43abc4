using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Grid.Grains.Webhooks;

/// <summary>
/// One shard of the index of articles with webhook deliveries pending (<see cref="WebhookOutboxShards"/>), and the
/// sweep that wakes them: a delivery whose silo crashed is picked up by the next sweep. No grain holds them all: an
/// article's hand-off and its last delivery write only its own shard.
/// </summary>
[Alias("grid.IWebhookOutboxShardGrain")]
public interface IWebhookOutboxShardGrain : IGrainWithStringKey
{
    [Alias("track")]
    Task TrackAsync(string articleId);

    /// <summary>Tracks many at once, with one write: what another shard, or the single outbox kept before shards, hands over.</summary>
    [Alias("track-all")]
    Task TrackAllAsync(ImmutableArray<string> articleIds);

    [Alias("untrack")]
    Task UntrackAsync(string articleId);

    /// <summary>
    /// Wakes every tracked article's webhook grain and forgets those with nothing pending. A shard swept less than
    /// <paramref name="unlessSweptWithin"/> ago (by any silo) answers at once: several silos sweeping do the work once.
    /// Returns how many are left.
    /// </summary>
    [Alias("sweep")]
    Task<int> SweepAsync(TimeSpan unlessSweptWithin);

    /// <summary>Moves every article of this shard to its shard under <paramref name="shards"/> shards (this shard's count is no longer configured); returns how many moved.</summary>
    [Alias("hand-over")]
    Task<int> HandOverAsync(int shards);

    [Alias("pending"), ReadOnly]
    Task<ImmutableArray<string>> GetPendingAsync();
}
