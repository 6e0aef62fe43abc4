using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Translation;

/// <summary>
/// The stored part of a paragraph cache grain or a sentence memory grain: the English of one text in up to
/// <see cref="MostVariants"/> variants, each made under the glossary entries of the article that paid for it. An article is
/// served the first variant that renders every entry it needs (<see cref="GlossaryConsistency.RenderingEvery"/>); one that
/// none renders translates its own, which is added. The two grains' states derive from it and keep their own names, which
/// stored states carry (<c>$type</c>): a state written before they shared this class reads back as it was.
/// </summary>
[GenerateSerializer]
public abstract class VariantStore<TVariant> where TVariant : class, ITranslationVariant<TVariant>
{
    /// <summary>
    /// Variants kept under one key. Few: a variant is added only when no kept one renders an article's entries, which takes
    /// glossaries that disagree on a name of the text; the bound keeps a disputed name from growing the state.
    /// </summary>
    public const int MostVariants = 4;

    /// <summary>The variants, oldest first.</summary>
    [Id(0)] public List<TVariant> Variants { get; set; } = [];

    /// <summary>The first variant whose English renders every entry in <paramref name="needed"/> (once variant spellings are replaced); null when none does.</summary>
    public TVariant? Serving(ImmutableArray<GlossaryEntry> needed) =>
        Variants.FirstOrDefault(variant => GlossaryConsistency.RenderingEvery(variant.English, needed) is not null);

    /// <summary>
    /// Keeps a new variant: nothing when one kept already renders the entries it was made under or has the same English
    /// (then that one is what the new one's waiters get); at the bound, the variant served least recently is dropped first.
    /// Returns the variant the store now answers with for those entries, and whether the state changed.
    /// </summary>
    /// <param name="lastServed">When a variant last served a lookup; none (or one never served since the grain woke) counts as oldest, so the oldest goes first.</param>
    public (TVariant Kept, bool Added) Add(TVariant variant, Func<TVariant, DateTimeOffset>? lastServed = null)
    {
        var made = variant.WithEntries(variant.Entries.IsDefault ? [] : variant.Entries);
        if ((Serving(made.Entries) ?? Variants.FirstOrDefault(kept => kept.English == made.English)) is { } already)
            return (already, false);
        if (Variants.Count >= MostVariants)
            Variants.Remove(Variants.MinBy(lastServed ?? (_ => DateTimeOffset.MinValue))!);
        Variants.Add(made);
        return (made, true);
    }

    /// <summary>After a conflicting write: what is stored stays, so every article reads the same English; ours are added while the bound allows.</summary>
    protected static TStore MergeVariants<TStore>(TStore stored, TStore mine) where TStore : VariantStore<TVariant>
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
