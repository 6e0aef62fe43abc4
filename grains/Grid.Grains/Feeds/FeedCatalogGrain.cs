using System.Collections.Immutable;
using Grid.Abstractions.Feeds;

namespace Grid.Grains.Feeds;

/// <inheritdoc cref="IFeedCatalogGrain"/>
public sealed class FeedCatalogGrain([PersistentState("feed-catalog", GridStorage.Articles)] IPersistentState<FeedCatalogState> state)
    : Grain, IFeedCatalogGrain
{
    public async Task AddAsync(string feedId)
    {
        if (state.State.Feeds.Add(feedId))
            await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string feedId)
    {
        if (state.State.Feeds.Remove(feedId))
            await state.WriteStateAsync();
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.Feeds.Order(StringComparer.Ordinal).ToImmutableArray());
}
