using Grid.Abstractions.Translation;
using Grid.Grains.Llm;

namespace Grid.Grains.Glossary;

/// <summary>
/// Extracts an article's glossary with one structured call. A failure never fails the article: the
/// chunks are then translated with the caller's and the configured glossary alone, and the article says so.
/// </summary>
public sealed class GlossaryExtractor(LlmGateway gateway)
{
    private const int OutputTokens = 1024;

    public async Task<GlossaryExtraction> ExtractAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken = default)
    {
        var body = string.Join("\n\n", paragraphs);
        try
        {
            var result = await gateway.RunAsync(
                new LlmPrompt("glossary", GlossaryPrompt.For(body), OutputTokens, GlossaryPrompt.Schema),
                answer => GlossaryValidator.Check(answer.Text, body), cancellationToken);
            return new GlossaryExtraction(result.Value, result.Usage, null);
        }
        catch (LlmException failure) when (failure.Kind != TranslationFailureKind.ModelMissing)
        {
            return new GlossaryExtraction([], failure.Usage, $"The glossary could not be extracted, so names may be rendered differently across paragraphs: {failure.Message}");
        }
    }
}
