using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Grid.Grains.Articles;

/// <summary>
/// The index of unfinished articles, and the sweep that re-drives them: an article lost with a
/// crashed silo is activated again elsewhere by the next sweep and picks up from its last checkpoint.
/// </summary>
[Alias("grid.IArticleWatchdogGrain")]
public interface IArticleWatchdogGrain : IGrainWithIntegerKey
{
    [Alias("track")]
    Task TrackAsync(string articleId);

    [Alias("untrack")]
    Task UntrackAsync(string articleId);

    /// <summary>
    /// Wakes every unfinished article, re-drives those a backend outage left with gaps once a backend is
    /// usable, and forgets those that are finished or gone. Returns how many are still on the list.
    /// </summary>
    [Alias("sweep")]
    Task<int> SweepAsync();

    [Alias("unfinished"), ReadOnly]
    Task<ImmutableArray<string>> GetUnfinishedAsync();
}
