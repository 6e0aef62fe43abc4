namespace Grid.Grains.Translation;

/// <summary>One paragraph's English as an accepted chunk answer gave it.</summary>
/// <param name="ProducedFor">The payer of the chunk that produced it: any other article got it from the cache.</param>
[GenerateSerializer, Immutable, Alias("grid.paragraph-translation")]
public sealed record ParagraphTranslation(
    [property: Id(0)] string English,
    [property: Id(1)] string ProducedFor);
