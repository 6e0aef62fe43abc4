using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// The key of one paragraph's English in the paragraph cache (<see cref="IParagraphTranslationGrain"/>):
/// the normalized paragraph, the model, the prompt version, the mode and, where
/// <see cref="TranslationOptions.ContextInCacheKey"/> says so, its context: the end of the paragraph before it.
/// Not the glossary: copies of a paragraph whose articles' glossaries differ meet under one key, where the
/// English is kept in variants, each served only to an article whose entries it renders (<see cref="ParagraphTranslationState"/>).
/// </summary>
public static class ParagraphKey
{
    public static string For(string paragraph, string? previousParagraph, TranslationMode mode, string model, TranslationOptions translation) =>
        For(paragraph, NeighbourContext.Before(previousParagraph, translation.ContextChars), mode, model, TranslationPrompt.Version, translation.ContextInCacheKey);

    /// <param name="context">The end of the previous paragraph, as the paragraph's prompt carried it.</param>
    public static string For(string paragraph, string? context, TranslationMode mode, string model, string promptVersion, bool withContext) =>
        ContentHash.Key(
            "paragraph",
            TextNormalizer.ForHashing(paragraph),
            model,
            promptVersion,
            // Where the glossary entries were before variants: left empty, a paragraph without entries keeps the key it had, and its English stays reachable.
            "",
            context is null || !withContext ? "" : TextNormalizer.ForHashing(context),
            mode.ToString());
}
