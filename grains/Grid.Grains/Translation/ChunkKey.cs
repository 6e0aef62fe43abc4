using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// The cache key of a chunk translation: everything that shapes the prompt. The same normalized text,
/// model, prompt version, glossary entries, context, mode and glossary retry give the same key anywhere
/// in the cluster; a change in any of them is another translation. The context can be left out
/// (<see cref="TranslationOptions.ContextInCacheKey"/>): then a paragraph is translated once whatever
/// comes before it, with the context of the article that asked first.
/// </summary>
public static class ChunkKey
{
    public static string For(string text, string model) => For(new ChunkTranslationRequest(text, 0, ""), model);

    public static string For(ChunkTranslationRequest request, string model, bool withContext = true) =>
        For(request, model, TranslationPrompt.Version, withContext);

    /// <param name="promptVersion">The prompt's version: a changed prompt makes every translation anew.</param>
    public static string For(ChunkTranslationRequest request, string model, string promptVersion, bool withContext) =>
        ContentHash.Key(
            TextNormalizer.ForHashing(request.Text),
            model,
            promptVersion,
            string.Join('\n', request.Entries.Select(entry => $"{TextNormalizer.ForHashing(entry.Source)}\t{entry.English}\t{entry.Kind}")),
            request.Context is null || !withContext ? "" : TextNormalizer.ForHashing(request.Context),
            request.Mode.ToString(),
            request.GlossaryRetry ? "glossary-retry" : "");
}
