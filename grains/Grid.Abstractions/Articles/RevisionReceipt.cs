namespace Grid.Abstractions.Articles;

/// <summary>The answer to an update: the article's newest revision after it, and its status.</summary>
/// <param name="Rejection">Why the text was refused, when <paramref name="Outcome"/> is <see cref="RevisionOutcome.Refused"/> or <see cref="RevisionOutcome.Busy"/>.</param>
[GenerateSerializer, Immutable, Alias("grid.revision-receipt")]
public sealed record RevisionReceipt(
    [property: Id(0)] string Id,
    [property: Id(1)] RevisionOutcome Outcome,
    [property: Id(2)] int Revision,
    [property: Id(3)] ArticleStatus Status,
    [property: Id(4)] SubmitRejection? Rejection = null);
