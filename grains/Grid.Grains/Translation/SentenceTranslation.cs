using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>One sentence's English, cut from a paragraph's accepted English: one variant in the sentence memory.</summary>
/// <param name="ProducedFor">The payer of the translation the sentence was cut from.</param>
/// <param name="Entries">The glossary entries occurring in the sentence that its paragraph's prompt asked to render.</param>
[GenerateSerializer, Immutable, Alias("grid.sentence-translation")]
public sealed record SentenceTranslation(
    [property: Id(0)] string English,
    [property: Id(1)] string ProducedFor,
    [property: Id(2)] ImmutableArray<GlossaryEntry> Entries) : ITranslationVariant<SentenceTranslation>
{
    public SentenceTranslation WithEntries(ImmutableArray<GlossaryEntry> entries) => this with { Entries = entries };
}
