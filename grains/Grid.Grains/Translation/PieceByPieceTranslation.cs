using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// The rescue of a chunk whose answers kept failing the checks: each paragraph piece is asked alone
/// (one call each, in <see cref="TranslationMode.Fast"/>, with the piece before it as context). The
/// pieces that pass are kept; a piece that fails alone is the one that carries the problem (an
/// instruction the model obeys, a passage it will not translate) and is left untranslated and named.
/// </summary>
internal sealed class PieceByPieceTranslation(ChunkTranslator translator, int contextChars)
{
    public static bool CanSplit(ChunkTranslationRequest request) =>
        request.Segments > 1 && request.Text.Split(TextChunk.SegmentSeparator).Length == request.Segments;

    public async Task<ChunkTranslationResult> TranslateAsync(
        ChunkTranslationRequest request, LlmException chunkFailure, List<StageUsage> stages, DateTimeOffset startedAt, RisingLane lane, Action<BackendWait?>? onWait, CancellationToken cancellationToken)
    {
        var stage = request.GlossaryRetry ? UsageStages.GlossaryRetry : UsageStages.Translate;
        var pieces = request.Text.Split(TextChunk.SegmentSeparator);
        var outcomes = await Task.WhenAll(pieces.Select((piece, i) =>
            TranslatePieceAsync(PieceRequest(request, piece, i == 0 ? request.Context : NeighbourContext.Before(pieces[i - 1], contextChars)), lane, onWait, cancellationToken)));
        stages.AddRange(outcomes.Select(outcome => new StageUsage(stage, outcome.Usage)));

        // A backend failure while splitting is not the text's fault: the chunk fails as a whole and is asked again later.
        if (outcomes.FirstOrDefault(outcome => outcome.Failure is not (LlmFailureKind.None or LlmFailureKind.InvalidAnswer)) is { } backend)
            return ChunkTranslator.Failed(request, backend.Failure, backend.Problem!, stages, startedAt);

        var untranslated = outcomes.Select((outcome, i) => outcome.Problem is null ? null : new UntranslatedSegment(i, outcome.Problem)).OfType<UntranslatedSegment>().ToImmutableArray();
        if (untranslated.Length == pieces.Length)
            return ChunkTranslator.Failed(request, LlmFailureKind.InvalidAnswer, $"{chunkFailure.Message}; asked piece by piece, every piece failed too", stages, startedAt);

        var repairs = ImmutableArray.CreateBuilder<string>();
        repairs.Add($"translated piece by piece after the whole chunk failed ({chunkFailure.Message})");
        for (var i = 0; i < outcomes.Length; i++)
            repairs.AddRange(outcomes[i].Repairs.Select(repair => $"piece {i + 1}: {repair}"));
        return new ChunkTranslationResult(
            [.. outcomes.Select(outcome => outcome.English ?? "")], ChunkTranslator.Total(stages), request.Payer,
            Repairs: repairs.ToImmutable(), StartedAt: startedAt, Stages: [.. stages], Untranslated: untranslated);
    }

    private static ChunkTranslationRequest PieceRequest(ChunkTranslationRequest chunk, string piece, string? context) =>
        chunk with { Text = piece, Segments = 1, Glossary = ArticleGlossary.OccurringIn(chunk.Entries, piece), Context = context, Mode = TranslationMode.Fast };

    private async Task<PieceOutcome> TranslatePieceAsync(ChunkTranslationRequest piece, RisingLane lane, Action<BackendWait?>? onWait, CancellationToken cancellationToken)
    {
        try
        {
            var result = await translator.TranslateAsync(piece, TranslationPrompt.For(piece), lane, onWait, cancellationToken);
            return new PieceOutcome(result.Value[0], LlmFailureKind.None, null, result.Usage, result.Repairs);
        }
        catch (LlmException failure)
        {
            return new PieceOutcome(null, failure.Kind, failure.Message, failure.Usage, []);
        }
    }
}
