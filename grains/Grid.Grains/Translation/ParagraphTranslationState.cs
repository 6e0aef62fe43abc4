namespace Grid.Grains.Translation;

/// <summary>
/// What a paragraph cache grain keeps: the paragraph's English in variants (<see cref="VariantStore{TVariant}"/>); and, in a
/// state stored before variants, the one English it held, which becomes the first variant as the state loads.
/// </summary>
[GenerateSerializer, Alias("grid.paragraph-translation-state")]
public sealed class ParagraphTranslationState : VariantStore<ParagraphTranslation>
{
    /// <summary>The one English a state stored before variants held; moved into the variants as it loads (<see cref="TakeOverSingleTranslation"/>).</summary>
    [Id(0)] public ParagraphTranslation? Translation { get; set; }

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

    /// <summary>After a conflicting write: a stored state from before variants is read as variants first, then merged (<see cref="VariantStore{TVariant}.MergeVariants"/>).</summary>
    public static ParagraphTranslationState Merge(ParagraphTranslationState stored, ParagraphTranslationState mine)
    {
        stored.TakeOverSingleTranslation();
        return MergeVariants(stored, mine);
    }
}
