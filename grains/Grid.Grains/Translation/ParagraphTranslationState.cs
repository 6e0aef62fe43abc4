using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Translation;

/// <summary>
/// What a paragraph cache grain keeps: the paragraph's English in up to <see cref="MostVariants"/> variants, each made
/// under the glossary entries of the article that paid for it. An article is served the first variant that renders every
/// entry it needs (<see cref="GlossaryConsistency.RenderingEvery"/>); one that none renders translates its own, which is added.
/// </summary>
[GenerateSerializer, Alias("grid.paragraph-translation-state")]
public sealed class ParagraphTranslationState
{
    /// <summary>
    /// Variants kept under one paragraph key. Few: a variant is added only when no kept one renders an article's entries,
    /// which takes glossaries that disagree on a name of the paragraph; the bound keeps a disputed name from growing the state.
    /// </summary>
    public const int MostVariants = 4;

    /// <summary>The one English a state stored before variants held; moved into <see cref="Variants"/> as it loads (<see cref="TakeOverSingleTranslation"/>).</summary>
    [Id(0)] public ParagraphTranslation? Translation { get; set; }

    /// <summary>The variants, oldest first.</summary>
    [Id(1)] public List<ParagraphTranslation> Variants { get; set; } = [];

    /// <summary>
    /// Makes the English of a state stored before variants the first variant (the entries it was made under are not
    /// known: none; every lookup checks renderings anyway). False when there was none to move.
    /// </summary>
    public bool TakeOverSingleTranslation()
    {
        if (Translation is not { } single)
            return false;
        Translation = null;
        if (Variants.All(variant => variant.English != single.English))
            Variants.Insert(0, single with { Entries = single.Entries.IsDefault ? [] : single.Entries });
        return true;
    }

    /// <summary>The first variant whose English renders every entry in <paramref name="needed"/> (once variant spellings are replaced); null when none does.</summary>
    public ParagraphTranslation? Serving(ImmutableArray<GlossaryEntry> needed) =>
        Variants.FirstOrDefault(variant => GlossaryConsistency.RenderingEvery(variant.English, needed) is not null);

    /// <summary>
    /// Keeps a new variant: nothing when one kept already renders the entries it was made under or has the same English
    /// (then that one is what the new one's waiters get); at the bound, the variant served least recently is dropped first.
    /// Returns the variant the cache now answers with for those entries, and whether the state changed.
    /// </summary>
    /// <param name="lastServed">When a variant last served a lookup; one never served since the grain woke counts as oldest.</param>
    public (ParagraphTranslation Kept, bool Added) Add(ParagraphTranslation variant, Func<ParagraphTranslation, DateTimeOffset> lastServed)
    {
        var entries = variant.Entries.IsDefault ? [] : variant.Entries;
        if ((Serving(entries) ?? Variants.FirstOrDefault(kept => kept.English == variant.English)) is { } already)
            return (already, false);
        if (Variants.Count >= MostVariants)
            Variants.Remove(Variants.MinBy(lastServed)!);
        var added = variant with { Entries = entries };
        Variants.Add(added);
        return (added, true);
    }

    /// <summary>After a conflicting write: what is stored stays, so every article reads the same English; ours are added while the bound allows.</summary>
    public static ParagraphTranslationState Merge(ParagraphTranslationState stored, ParagraphTranslationState mine)
    {
        stored.TakeOverSingleTranslation();
        foreach (var variant in mine.Variants.Where(variant => stored.Variants.All(kept => kept.English != variant.English)))
        {
            if (stored.Variants.Count >= MostVariants)
                break;
            stored.Variants.Add(variant);
        }
        return stored;
    }
}
