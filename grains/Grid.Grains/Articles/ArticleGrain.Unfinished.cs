using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grid.Grains.Articles;

/// <summary>
/// Where the article is tracked while unfinished (its own shard of the index, not one grain for all), and what
/// tells its checkpoint that a save would store nothing new.
/// </summary>
public sealed partial class ArticleGrain
{
    private IUnfinishedArticleShardGrain Watchdog => UnfinishedShards.Of(GrainFactory, Id, _options.UnfinishedShards);

    private Serializer<ArticleState> StateFingerprints => ServiceProvider.GetRequiredService<Serializer<ArticleState>>();
}
