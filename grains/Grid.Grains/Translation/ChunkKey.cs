using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>The cache key of a chunk translation: the same normalized text, model and prompt give the same key anywhere in the cluster.</summary>
public static class ChunkKey
{
    public static string For(string text, string model) =>
        ContentHash.Key(TextNormalizer.ForHashing(text), model, TranslationPrompt.Version);
}
