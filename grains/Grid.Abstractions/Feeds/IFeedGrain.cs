using Orleans.Concurrency;

namespace Grid.Abstractions.Feeds;

/// <summary>
/// One followed feed, keyed by a hash of its normalized URL. It polls on a durable reminder, submits
/// each item's page by URL once, ever, and keeps its schedule with backoff when the feed fails.
/// </summary>
[Alias("grid.IFeedGrain")]
public interface IFeedGrain : IGrainWithStringKey
{
    /// <summary>Follows the feed (or updates how, when it is followed already) and polls it at once when new.</summary>
    [Alias("subscribe")]
    Task<FeedResult> SubscribeAsync(FeedSubscription subscription);

    /// <summary>The feed, or null when this id is not followed.</summary>
    [Alias("get"), ReadOnly, AlwaysInterleave]
    Task<FeedView?> GetAsync();

    /// <summary>Starts a poll now (the answer does not wait for it); null when this id is not followed.</summary>
    [Alias("poll")]
    Task<FeedView?> PollNowAsync();

    /// <summary>Stops following the feed; its articles stay. False when it was not followed.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync();

    /// <summary>Makes sure the feed's reminder is registered; called by the sweep when a silo starts.</summary>
    [Alias("wake")]
    Task WakeAsync();
}
