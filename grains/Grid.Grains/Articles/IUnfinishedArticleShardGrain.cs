using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Grid.Grains.Articles;

/// <summary>
/// One shard of the index of unfinished articles (<see cref="UnfinishedShards"/>), and the sweep that re-drives
/// them: an article lost with a crashed silo is activated again elsewhere by the next sweep and picks up from its
/// last checkpoint. No grain holds them all: an article's submit and finish write only its own shard.
/// </summary>
[Alias("grid.IUnfinishedArticleShardGrain")]
public interface IUnfinishedArticleShardGrain : IGrainWithStringKey
{
    [Alias("track")]
    Task TrackAsync(string articleId);

    /// <summary>Tracks many at once, with one write: what another shard, or the index kept before shards, hands over.</summary>
    [Alias("track-all")]
    Task TrackAllAsync(ImmutableArray<string> articleIds);

    [Alias("untrack")]
    Task UntrackAsync(string articleId);

    /// <summary>
    /// Wakes every unfinished article of the shard, re-drives those a backend outage left with gaps once a backend
    /// is usable, and forgets those that are finished or gone. A shard swept less than <paramref name="unlessSweptWithin"/>
    /// ago (by any silo) answers at once: several silos sweeping the same shard do the work once.
    /// Returns how many are still on the shard's list.
    /// </summary>
    [Alias("sweep")]
    Task<int> SweepAsync(TimeSpan unlessSweptWithin);

    /// <summary>
    /// Moves every article of this shard to its shard under <paramref name="shards"/> shards (a shard of a count
    /// no longer configured); returns how many moved.
    /// </summary>
    [Alias("hand-over")]
    Task<int> HandOverAsync(int shards);

    [Alias("unfinished"), ReadOnly]
    Task<ImmutableArray<string>> GetUnfinishedAsync();
}
