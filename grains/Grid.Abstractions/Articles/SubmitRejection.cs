namespace Grid.Abstractions.Articles;

/// <summary>A refused submission: what was wrong and a sentence a person can act on. Nothing was stored.</summary>
[GenerateSerializer, Immutable, Alias("grid.submit-rejection")]
public sealed record SubmitRejection(
    [property: Id(0)] RejectionKind Kind,
    [property: Id(1)] string Detail) : SubmitResult;
