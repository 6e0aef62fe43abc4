using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// The key of one sentence's English in the sentence memory (<see cref="ISentenceTranslationGrain"/>): the normalized
/// sentence, the model, the prompt version and the mode. Never a context (the memory is unused where
/// <see cref="TranslationOptions.ContextInCacheKey"/> asks for context-sensitive reuse), nor the glossary: the English
/// is kept in variants, each with the entries it was made under, and served only where it renders an article's entries.
/// </summary>
public static class SentenceKey
{
    public static string For(string sentence, TranslationMode mode, string model, string promptVersion) =>
        ContentHash.Key("sentence", TextNormalizer.ForHashing(sentence), model, promptVersion, mode.ToString());
}
