using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>One article of <c>GET /api/articles</c>.</summary>
internal sealed record ArticleListItemDocument(
    string Id, ArticleStatus Status, ChunkProgress Progress, BilingualText? Title, string? Source, string? Failure,
    DateTimeOffset SubmittedAt, DateTimeOffset? FinishedAt, int MissingParagraphs, string? Feed = null)
{
    public ArticleListItem ToItem() => new(Id, Status, Progress.ChunksDone, Progress.ChunksTotal, Title, Source, SubmittedAt, FinishedAt, Failure, MissingParagraphs, Feed);
}
