namespace Grid.Grains.Translation;

/// <summary>What a sentence memory grain keeps: the sentence's English in variants, as the paragraph cache keeps paragraphs (<see cref="VariantStore{TVariant}"/>).</summary>
[GenerateSerializer, Alias("grid.sentence-translation-state")]
public sealed class SentenceTranslationState : VariantStore<SentenceTranslation>
{
    /// <summary>After a conflicting write: what is stored stays; ours are added while the bound allows.</summary>
    public static SentenceTranslationState Merge(SentenceTranslationState stored, SentenceTranslationState mine) => MergeVariants(stored, mine);
}
