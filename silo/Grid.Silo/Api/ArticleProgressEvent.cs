using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>The data of a <c>progress</c> or <c>end</c> event: the article's progress the same shape as in <see cref="ArticleResponse"/>.</summary>
public sealed record ArticleProgressEvent(string Id, ArticleStatus Status, ChunkProgress Progress, string? Failure)
{
    public static ArticleProgressEvent From(ArticleProgress progress) =>
        new(progress.Id, progress.Status, new ChunkProgress(progress.ChunksDone, progress.ChunksTotal), progress.Failure);
}
