using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// The key of one paragraph's English in the paragraph cache (<see cref="IParagraphTranslationGrain"/>):
/// the normalized paragraph, the model, the prompt version, the mode, the glossary entries that occur in
/// it, and, where <see cref="TranslationOptions.ContextInCacheKey"/> says so, its context: the end of
/// the paragraph before it. Whatever chunk the paragraph was translated in, the same key is the same English.
/// </summary>
public static class ParagraphKey
{
    public static string For(string paragraph, string? previousParagraph, ImmutableArray<GlossaryEntry> entries, TranslationMode mode, string model, TranslationOptions translation) =>
        For(paragraph, NeighbourContext.Before(previousParagraph, translation.ContextChars), entries, mode, model, TranslationPrompt.Version, translation.ContextInCacheKey);

    /// <param name="context">The end of the previous paragraph, as the paragraph's prompt carried it.</param>
    public static string For(string paragraph, string? context, ImmutableArray<GlossaryEntry> entries, TranslationMode mode, string model, string promptVersion, bool withContext) =>
        ContentHash.Key(
            "paragraph",
            TextNormalizer.ForHashing(paragraph),
            model,
            promptVersion,
            string.Join('\n', (entries.IsDefault ? [] : entries).Select(entry => $"{TextNormalizer.ForHashing(entry.Source)}\t{entry.English}\t{entry.Kind}")),
            context is null || !withContext ? "" : TextNormalizer.ForHashing(context),
            mode.ToString());
}
