using System.Collections.Immutable;

namespace Grid.Abstractions.Feeds;

/// <summary>The front door for feeds: derives a feed's id from its normalized URL, and lists the followed feeds. Stateless; any silo runs it.</summary>
[Alias("grid.IFeedIntakeGrain")]
public interface IFeedIntakeGrain : ISingletonGrain
{
    [Alias("follow")]
    Task<FeedResult> FollowAsync(FeedSubscription subscription);

    [Alias("list")]
    Task<ImmutableArray<FeedView>> ListAsync();
}
