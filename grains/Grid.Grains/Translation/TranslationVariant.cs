using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>
/// What a <see cref="VariantStore{TVariant}"/> needs of a variant: its English and the glossary entries it was made under
/// (<see cref="ParagraphTranslation"/> in the paragraph cache, <see cref="SentenceTranslation"/> in the sentence memory).
/// </summary>
public interface ITranslationVariant<TSelf> where TSelf : ITranslationVariant<TSelf>
{
    string English { get; }

    /// <summary>The glossary entries its prompt asked to render; default in a variant stored before entries were kept.</summary>
    ImmutableArray<GlossaryEntry> Entries { get; }

    /// <summary>The same variant made under <paramref name="entries"/>: how a store gives a default <see cref="Entries"/> an empty list.</summary>
    TSelf WithEntries(ImmutableArray<GlossaryEntry> entries);
}
