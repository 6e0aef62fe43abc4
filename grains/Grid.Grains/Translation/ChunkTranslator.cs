using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Text;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Translation;

/// <summary>Translates one chunk through the LLM gateway and checks the answer; never returns unchecked text.</summary>
public sealed class ChunkTranslator(LlmGateway gateway, IOptions<ArticleOptions> articles)
{
    /// <summary>The same estimate the chunker cut the text with (<c>Grid:Articles:CharsPerToken</c>).</summary>
    private readonly TokenEstimator _tokens = new(articles.Value.CharsPerToken);

    public string Model => gateway.Model;

    public async Task<ChunkTranslationResult> TranslateAsync(ChunkTranslationRequest request, CancellationToken cancellationToken = default)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var prompt = new LlmPrompt("translation", TranslationPrompt.For(request.Text, request.Segments), MaxOutputTokens(request.Text));
        try
        {
            var result = await gateway.RunAsync(
                prompt, answer => TranslationValidator.Check(answer.Text, request.Text, request.Segments), cancellationToken);
            return new ChunkTranslationResult(result.Value, result.Usage, request.RequestedBy, Repairs: result.Repairs, StartedAt: startedAt);
        }
        catch (LlmException failure)
        {
            return new ChunkTranslationResult([], failure.Usage, request.RequestedBy, failure.Kind, failure.Message, [], startedAt);
        }
    }

    /// <summary>English takes about as many tokens as the Arabic; twice that plus a margin leaves room without allowing a runaway loop.</summary>
    private int MaxOutputTokens(string text) =>
        Math.Min(gateway.ContextTokens / 2, 2 * _tokens.Estimate(text) + 128);
}
