namespace Grid.Abstractions.Articles;

/// <summary>A submission taken: the article's id and its status at the moment of the answer.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Status">The article's status at the moment of the answer.</param>
/// <param name="AlreadyKnown">True when the same text was submitted before and this answer comes from what exists.</param>
[GenerateSerializer, Immutable, Alias("grid.submit-receipt")]
public sealed record SubmitReceipt(
    [property: Id(0)] string Id,
    [property: Id(1)] ArticleStatus Status,
    [property: Id(2)] bool AlreadyKnown) : SubmitResult;
