using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Abstractions.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Text;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Translation;

/// <summary>
/// Translates one chunk through the LLM gateway and checks the answer; never returns unchecked text.
/// In <see cref="TranslationMode.Reflect"/> the checked draft is critiqued and then translated again
/// with the critique in view: three calls, each counted under its stage. A chunk whose answers keep
/// failing the checks is translated piece by piece (<see cref="PieceByPieceTranslation"/>), so one
/// piece that carries the problem does not cost its neighbours their translation.
/// </summary>
public sealed class ChunkTranslator(LlmGateway gateway, IOptions<ArticleOptions> articles, IOptions<TranslationOptions> translation)
{
    private const int CritiqueOutputTokens = 512;

    /// <summary>The same estimate the chunker cut the text with (<c>Grid:Articles:CharsPerToken</c>).</summary>
    private readonly TokenEstimator _tokens = new(articles.Value.CharsPerToken);

    public string Model => gateway.Model;

    /// <param name="onWait">Told when the work begins to wait for a backend, and (with null) when one takes it.</param>
    /// <param name="lane">Where the calls wait for a slot, when others may join the work and raise it; else the request's own lane.</param>
    public async Task<ChunkTranslationResult> TranslateAsync(
        ChunkTranslationRequest request, CancellationToken cancellationToken = default, Action<BackendWait?>? onWait = null, RisingLane? lane = null)
    {
        lane ??= new RisingLane(LaneOf(request));
        var startedAt = DateTimeOffset.UtcNow;
        var stages = new List<StageUsage>();
        var stage = request.GlossaryRetry ? UsageStages.GlossaryRetry : UsageStages.Translate;
        try
        {
            var draft = await TranslateAsync(request, TranslationPrompt.For(request), lane, onWait, cancellationToken);
            stages.Add(new StageUsage(stage, draft.Usage));
            var final = draft;
            if (request.Mode == TranslationMode.Reflect)
            {
                var draftText = string.Join("\n\n", draft.Value);
                stage = UsageStages.Critique;
                var critique = await gateway.RunAsync(
                    new LlmPrompt("critique", ReflectionPrompt.Critique(request, draftText), CritiqueOutputTokens) { RisingLane = lane },
                    answer => CritiqueCheck(answer.Text), cancellationToken, onWait);
                stages.Add(new StageUsage(stage, critique.Usage));
                stage = UsageStages.Improve;
                final = await TranslateAsync(request, ReflectionPrompt.Improve(request, draftText, critique.Value), lane, onWait, cancellationToken);
                stages.Add(new StageUsage(stage, final.Usage));
            }
            return new ChunkTranslationResult(final.Value, Total(stages), request.Payer, Repairs: final.Repairs, StartedAt: startedAt, Stages: [.. stages]);
        }
        catch (LlmException failure)
        {
            stages.Add(new StageUsage(stage, failure.Usage));
            if (failure.Kind == LlmFailureKind.InvalidAnswer && PieceByPieceTranslation.CanSplit(request))
                return await new PieceByPieceTranslation(this, translation.Value.ContextChars).TranslateAsync(request, failure, stages, startedAt, lane, onWait, cancellationToken);
            return Failed(request, failure.Kind, failure.Message, stages, startedAt);
        }
    }

    /// <summary>One translation request (one call, retried by the gateway while its answers fail the checks).</summary>
    internal Task<LlmResult<ImmutableArray<string>>> TranslateAsync(
        ChunkTranslationRequest request, IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> messages, RisingLane lane, Action<BackendWait?>? onWait, CancellationToken cancellationToken) =>
        gateway.RunAsync(
            new LlmPrompt("translation", messages, MaxOutputTokens(request.Text)) { RisingLane = lane },
            answer => TranslationValidator.Check(answer.Text, request.Text, request.Segments), cancellationToken, onWait);

    /// <summary>The asking article's priority and owner: where the chunk's calls wait for a slot.</summary>
    public static SlotLane LaneOf(ChunkTranslationRequest request) => new(request.Priority, request.Owner ?? SubmissionOwner.Anonymous);

    internal static ChunkTranslationResult Failed(
        ChunkTranslationRequest request, LlmFailureKind kind, string detail, IReadOnlyList<StageUsage> stages, DateTimeOffset startedAt) =>
        new([], Total(stages), request.Payer, kind, detail, [], startedAt, [.. stages]);

    internal static LlmUsage Total(IEnumerable<StageUsage> stages) => stages.Aggregate(LlmUsage.None, (sum, stage) => sum + stage.Usage);

    /// <summary>A critique is free text; only an empty one is useless.</summary>
    private static AnswerCheck<string> CritiqueCheck(string answer) =>
        string.IsNullOrWhiteSpace(answer) ? AnswerCheck<string>.Reject("the critique is empty") : AnswerCheck<string>.Accept(answer.Trim());

    /// <summary>English takes about as many tokens as the Arabic; twice that plus a margin leaves room without allowing a runaway loop.</summary>
    private int MaxOutputTokens(string text) =>
        Math.Min(gateway.ContextTokens / 2, 2 * _tokens.Estimate(text) + 128);
}
