using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Grid.Abstractions.Feeds;

/// <summary>The ids of every followed feed, for the list and for the sweep that wakes them when a silo starts.</summary>
[Alias("grid.IFeedCatalogGrain")]
public interface IFeedCatalogGrain : ISingletonGrain
{
    [Alias("add")]
    Task AddAsync(string feedId);

    [Alias("remove")]
    Task RemoveAsync(string feedId);

    [Alias("list"), ReadOnly, AlwaysInterleave]
    Task<ImmutableArray<string>> ListAsync();
}
