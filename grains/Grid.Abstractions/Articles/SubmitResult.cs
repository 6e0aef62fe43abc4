namespace Grid.Abstractions.Articles;

/// <summary>
/// The answer to a submission: a <see cref="SubmitReceipt"/> when the article was taken (or was already there),
/// a <see cref="SubmitRejection"/> when it was refused and nothing was stored. Nothing else derives from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.submit-result")]
public abstract record SubmitResult;
