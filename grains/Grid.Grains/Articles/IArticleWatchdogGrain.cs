using System.Collections.Immutable;
using Grid.Abstractions;
using Orleans.Concurrency;

namespace Grid.Grains.Articles;

/// <summary>
/// The directory of the unfinished articles' shards: which shard counts silos have used, so that none is left
/// unswept after <c>Grid:Articles:UnfinishedShards</c> changes. Before there were shards this grain held every
/// unfinished article itself; that set is handed over to the shards the first time a silo opens the directory.
/// Called once as each silo starts, never per article.
/// </summary>
[Alias("grid.IArticleWatchdogGrain")]
public interface IArticleWatchdogGrain : ISingletonGrain
{
    /// <summary>
    /// Records that a silo tracks unfinished articles in <paramref name="shards"/> shards, hands over the set kept
    /// before shards (once), and returns every other shard count used before: their shards are to be handed over.
    /// </summary>
    [Alias("open")]
    Task<ImmutableArray<int>> OpenAsync(int shards);

    /// <summary>The articles kept here before shards and not handed over yet.</summary>
    [Alias("unfinished"), ReadOnly]
    Task<ImmutableArray<string>> GetUnfinishedAsync();
}
