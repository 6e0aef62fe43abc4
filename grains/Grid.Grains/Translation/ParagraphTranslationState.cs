namespace Grid.Grains.Translation;

/// <summary>What a paragraph cache grain keeps: the paragraph's English, once an accepted answer gave it.</summary>
[GenerateSerializer, Alias("grid.paragraph-translation-state")]
public sealed class ParagraphTranslationState
{
    [Id(0)] public ParagraphTranslation? Translation { get; set; }

    /// <summary>After a conflicting write: what is stored wins, so every article reads the same English.</summary>
    public static ParagraphTranslationState Merge(ParagraphTranslationState stored, ParagraphTranslationState mine) =>
        stored.Translation is null ? mine : stored;
}
