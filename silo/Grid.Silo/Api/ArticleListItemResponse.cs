using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>One article in <c>GET /api/articles</c>: its progress the same shape as in <see cref="ArticleResponse"/>, and the feed it came from (null when a caller submitted it).</summary>
public sealed record ArticleListItemResponse(
    string Id,
    ArticleStatus Status,
    ChunkProgress Progress,
    BilingualText? Title,
    string? Source,
    string? Failure,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt,
    int MissingParagraphs,
    string? Feed)
{
    public static ArticleListItemResponse From(ArticleListItem item) => new(
        item.Id, item.Status, new ChunkProgress(item.ChunksDone, item.ChunksTotal), item.Title, item.Source, item.Failure, item.SubmittedAt, item.FinishedAt, item.MissingParagraphs, item.Feed);
}
