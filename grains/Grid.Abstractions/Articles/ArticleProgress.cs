namespace Grid.Abstractions.Articles;

/// <summary>A cheap snapshot of how far an article has come.</summary>
/// <param name="AwaitsBackend">Finished with parts a backend outage left untranslated: the watchdog re-drives it once a backend is usable.</param>
[GenerateSerializer, Immutable, Alias("grid.article-progress")]
public sealed record ArticleProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] ArticleStatus Status,
    [property: Id(2)] int ChunksDone,
    [property: Id(3)] int ChunksTotal,
    [property: Id(4)] string? Failure = null,
    [property: Id(5)] bool AwaitsBackend = false)
{
    public bool IsFinished => Status is ArticleStatus.Completed or ArticleStatus.Failed;
}
