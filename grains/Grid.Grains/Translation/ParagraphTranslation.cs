using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>One paragraph's English as an accepted chunk answer gave it: one variant in the paragraph cache.</summary>
/// <param name="ProducedFor">The payer of the chunk that produced it: any other article got it from the cache.</param>
/// <param name="Entries">
/// The glossary entries occurring in the paragraph that its prompt asked to render (none for an English the cache
/// kept before variants: not known). Whether it serves an article is decided by what the English renders, not by these.
/// </param>
[GenerateSerializer, Immutable, Alias("grid.paragraph-translation")]
public sealed record ParagraphTranslation(
    [property: Id(0)] string English,
    [property: Id(1)] string ProducedFor,
    [property: Id(2)] ImmutableArray<GlossaryEntry> Entries = default) : ITranslationVariant<ParagraphTranslation>
{
    public ParagraphTranslation WithEntries(ImmutableArray<GlossaryEntry> entries) => this with { Entries = entries };
}
