namespace Grid.Abstractions.Articles;

/// <summary>One line of the article list: enough to pick an article out, not its text.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Status">Where the article is in its life.</param>
/// <param name="ChunksDone">Body chunks with an answer.</param>
/// <param name="ChunksTotal">Body chunks in all.</param>
/// <param name="Title">The title in Arabic and, once translated, English; null when the article has none.</param>
/// <param name="Source">The publication or agency, as the caller gave it.</param>
/// <param name="SubmittedAt">When the article was first submitted; the list is newest first by this.</param>
/// <param name="FinishedAt">When it was completed or failed; null while it is under way.</param>
/// <param name="Failure">Why it failed, for a failed article.</param>
/// <param name="MissingParagraphs">Body paragraphs left without English because their chunk could not be translated.</param>
/// <param name="Feed">The id of the feed whose item this article is; null for an article submitted by a caller.</param>
[GenerateSerializer, Immutable, Alias("grid.article-list-item")]
public sealed record ArticleListItem(
    [property: Id(0)] string Id,
    [property: Id(1)] ArticleStatus Status,
    [property: Id(2)] int ChunksDone,
    [property: Id(3)] int ChunksTotal,
    [property: Id(4)] BilingualText? Title,
    [property: Id(5)] string? Source,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] string? Failure,
    [property: Id(9)] int MissingParagraphs = 0,
    [property: Id(10)] string? Feed = null);
