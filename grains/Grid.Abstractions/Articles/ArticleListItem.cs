namespace Grid.Abstractions.Articles;

/// <summary>One line of the article list: enough to pick an article out, not its text.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Status">Where the article is in its life.</param>
/// <param name="Progress">Body chunks with an answer, of all its chunks.</param>
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
    ChunkProgress Progress,
    [property: Id(4)] BilingualText? Title,
    [property: Id(5)] string? Source,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] string? Failure,
    [property: Id(9)] int MissingParagraphs = 0,
    [property: Id(10)] string? Feed = null)
{
    // In grain calls the progress travels as the two counts a line carried before it had a Progress (ids 2 and 3), so
    // silos and clients on either side of that change read each other's lines. JSON sees only Progress. A line read
    // from JSON written before the change has no progress to give (null): its reader takes the counts from that JSON.
    [Id(2)] private readonly int _chunksDone = Progress?.ChunksDone ?? 0;
    [Id(3)] private readonly int _chunksTotal = Progress?.ChunksTotal ?? 0;

    public ChunkProgress Progress
    {
        get => new(_chunksDone, _chunksTotal);
        init => (_chunksDone, _chunksTotal) = (value.ChunksDone, value.ChunksTotal);
    }
}
