namespace Grid.Grains.Feeds;

[GenerateSerializer, Alias("grid.feed-catalog-state")]
public sealed class FeedCatalogState
{
    [Id(0)] public HashSet<string> Feeds { get; set; } = [];
}
