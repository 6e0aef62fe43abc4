namespace Grid.Abstractions.Articles;

/// <summary>A line of the source kept out of the body (navigation, share buttons, related links...), with why.</summary>
[GenerateSerializer, Immutable, Alias("grid.omitted-text")]
public sealed record OmittedText(
    [property: Id(0)] string Text,
    [property: Id(1)] string Reason);
