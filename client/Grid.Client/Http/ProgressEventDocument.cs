using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>The data of a <c>progress</c> or <c>end</c> event of <c>GET /api/articles/{id}/events</c>.</summary>
internal sealed record ProgressEventDocument(string Id, ArticleStatus Status, ChunkProgress Progress, string? Failure)
{
    public ArticleProgress ToProgress() => new(Id, Status, Progress.ChunksDone, Progress.ChunksTotal, Failure);
}
