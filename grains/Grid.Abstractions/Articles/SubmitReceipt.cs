namespace Grid.Abstractions.Articles;

/// <summary>The answer to a submission: the article's id and status, or why it was refused.</summary>
/// <param name="Id">The article id; null only when the submission was refused.</param>
/// <param name="Status">The article's status at the moment of the answer.</param>
/// <param name="AlreadyKnown">True when the same text was submitted before and this answer comes from what exists.</param>
/// <param name="Rejection">Set when the submission was refused; nothing was stored then.</param>
[GenerateSerializer, Immutable, Alias("grid.submit-receipt")]
public sealed record SubmitReceipt(
    [property: Id(0)] string? Id,
    [property: Id(1)] ArticleStatus Status,
    [property: Id(2)] bool AlreadyKnown,
    [property: Id(3)] SubmitRejection? Rejection = null)
{
    public bool Accepted => Rejection is null;

    public static SubmitReceipt Refused(SubmitRejection rejection) => new(null, ArticleStatus.Failed, false, rejection);
}
