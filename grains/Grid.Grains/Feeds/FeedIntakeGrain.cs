using System.Collections.Immutable;
using Grid.Abstractions;
using Grid.Abstractions.Feeds;
using Orleans.Concurrency;

namespace Grid.Grains.Feeds;

/// <inheritdoc cref="IFeedIntakeGrain"/>
[StatelessWorker]
public sealed class FeedIntakeGrain : Grain, IFeedIntakeGrain
{
    public Task<FeedResult> FollowAsync(FeedSubscription subscription) =>
        GrainFactory.GetGrain<IFeedGrain>(FeedIds.For(subscription.Url ?? "")).SubscribeAsync(subscription);

    public async Task<ImmutableArray<FeedView>> ListAsync()
    {
        var ids = await GrainFactory.Singleton<IFeedCatalogGrain>().ListAsync();
        var feeds = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IFeedGrain>(id).GetAsync()));
        return [.. feeds.OfType<FeedView>().OrderBy(feed => feed.CreatedAt)];
    }
}
