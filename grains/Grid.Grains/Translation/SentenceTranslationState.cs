using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Translation;

/// <summary>
/// What a sentence memory grain keeps: the sentence's English in up to <see cref="MostVariants"/> variants, each made under
/// the glossary entries of the article that paid for it, as the paragraph cache keeps paragraphs (<see cref="ParagraphTranslationState"/>).
/// </summary>
[GenerateSerializer, Alias("grid.sentence-translation-state")]
public sealed class SentenceTranslationState
{
    /// <summary>Variants kept under one sentence key: a new one is added only when no kept one renders its entries.</summary>
    public const int MostVariants = 4;

    /// <summary>The variants, oldest first.</summary>
    [Id(0)] public List<SentenceTranslation> Variants { get; set; } = [];

    /// <summary>The first variant whose English renders every entry in <paramref name="needed"/> (once variant spellings are replaced); null when none does.</summary>
    public SentenceTranslation? Serving(ImmutableArray<GlossaryEntry> needed) =>
        Variants.FirstOrDefault(variant => GlossaryConsistency.RenderingEvery(variant.English, needed) is not null);

    /// <summary>
    /// Keeps a new variant unless one kept renders the entries it was made under or has the same English; at the bound the
    /// oldest is dropped. False when nothing changed.
    /// </summary>
    public bool Add(SentenceTranslation variant)
    {
        var entries = variant.Entries.IsDefault ? [] : variant.Entries;
        if (Serving(entries) is not null || Variants.Any(kept => kept.English == variant.English))
            return false;
        if (Variants.Count >= MostVariants)
            Variants.RemoveAt(0);
        Variants.Add(variant with { Entries = entries });
        return true;
    }

    /// <summary>After a conflicting write: what is stored stays; ours are added while the bound allows.</summary>
    public static SentenceTranslationState Merge(SentenceTranslationState stored, SentenceTranslationState mine)
    {
        foreach (var variant in mine.Variants.Where(variant => stored.Variants.All(kept => kept.English != variant.English)))
        {
            if (stored.Variants.Count >= MostVariants)
                break;
            stored.Variants.Add(variant);
        }
        return stored;
    }
}
