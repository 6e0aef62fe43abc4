namespace Grid.Abstractions.Articles;

/// <summary>A cheap snapshot of how far an article has come.</summary>
[GenerateSerializer, Immutable, Alias("grid.article-progress")]
public sealed record ArticleProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] ArticleStatus Status,
    [property: Id(2)] int ChunksDone,
    [property: Id(3)] int ChunksTotal,
    [property: Id(4)] string? Failure = null)
{
    public bool IsFinished => Status is ArticleStatus.Completed or ArticleStatus.Failed;
}
