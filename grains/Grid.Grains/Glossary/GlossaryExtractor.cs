using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Text;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Glossary;

/// <summary>
/// Extracts an article's glossary with one structured call per window of paragraphs that fits the
/// context (one call for most articles; a long one would otherwise be cut silently by the backend).
/// Where a name is in several windows, the earlier window's rendering is kept. A failure never fails
/// the article: the chunks are then translated with what the other windows found, the caller's and
/// the configured glossary, and the article says so.
/// </summary>
public sealed class GlossaryExtractor(LlmGateway gateway, IOptions<ArticleOptions> articles)
{
    private const int OutputTokens = 1024;

    /// <summary>The instructions and the JSON schema take about this much of the context besides the article.</summary>
    private const int InstructionTokens = 512;

    private readonly TokenEstimator _tokens = new(articles.Value.CharsPerToken);

    /// <summary>The Arabic one call may carry: what the context holds after the instructions and the answer.</summary>
    private int WindowTokens => Math.Max(256, gateway.ContextTokens - OutputTokens - InstructionTokens);

    /// <param name="onWait">Told when the work begins to wait for a backend, and (with null) when one takes it.</param>
    /// <param name="lane">Where the calls wait for a slot: the article's priority and owner.</param>
    public async Task<GlossaryExtraction> ExtractAsync(
        IReadOnlyList<string> paragraphs, CancellationToken cancellationToken = default, Action<BackendWait?>? onWait = null, SlotLane? lane = null)
    {
        var windows = ParagraphWindows.Of(paragraphs, WindowTokens, _tokens.Estimate);
        var extractions = await Task.WhenAll(windows.Select(window => ExtractWindowAsync(window, onWait, lane ?? SlotLane.Shared, cancellationToken)));
        var usage = extractions.Aggregate(LlmUsage.None, (sum, extraction) => sum + extraction.Usage);
        var entries = ArticleGlossary.Merge([.. extractions.Select(extraction => extraction.Entries.AsEnumerable())]);
        var failures = extractions.Where(extraction => extraction.Warning is not null).Select(extraction => extraction.Warning!).ToList();
        var warning = failures.Count switch
        {
            0 => null,
            _ when failures.Count == windows.Count => $"The glossary could not be extracted, so names may be rendered differently across paragraphs: {failures[0]}",
            _ => $"The glossary could not be extracted from {failures.Count} of the article's {windows.Count} parts, so names there may be rendered differently across paragraphs: {failures[0]}",
        };
        return new GlossaryExtraction(entries, usage, warning);
    }

    private async Task<GlossaryExtraction> ExtractWindowAsync(string body, Action<BackendWait?>? onWait, SlotLane lane, CancellationToken cancellationToken)
    {
        try
        {
            var result = await gateway.RunAsync(
                new LlmPrompt("glossary", GlossaryPrompt.For(body), OutputTokens, GlossaryPrompt.Schema) { Lane = lane },
                answer => GlossaryValidator.Check(answer.Text, body), cancellationToken, onWait);
            return new GlossaryExtraction(result.Value, result.Usage, null);
        }
        catch (LlmException failure) when (failure.Kind != LlmFailureKind.ModelMissing)
        {
            return new GlossaryExtraction([], failure.Usage, failure.Message);
        }
    }
}
