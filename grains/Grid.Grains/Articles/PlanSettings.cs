using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>What a plan's keys and chunks depend on besides the article: the chunk budget, the model and the translation options.</summary>
public sealed record PlanSettings(ChunkingOptions Chunking, string Model, TranslationOptions Translation)
{
    public static PlanSettings From(ArticleOptions articles, string model, TranslationOptions translation) =>
        new(new ChunkingOptions { MaxTokensPerChunk = articles.ChunkTokens, CharsPerToken = articles.CharsPerToken }, model, translation);
}
