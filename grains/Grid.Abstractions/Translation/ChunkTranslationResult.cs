using System.Collections.Immutable;

namespace Grid.Abstractions.Translation;

/// <summary>The outcome of translating one chunk: the English per paragraph piece, or why there is none.</summary>
/// <param name="English">One English text per segment of the request, in order; empty when the work failed.</param>
/// <param name="Usage">The LLM work that produced this answer.</param>
/// <param name="ProducedFor">The payer of the request that did the work (<see cref="ChunkTranslationRequest.Payer"/>); any other got it from the cache.</param>
/// <param name="Failure">Why it failed; <see cref="LlmFailureKind.None"/> on success.</param>
/// <param name="FailureDetail">A sentence saying what went wrong and how to fix it.</param>
/// <param name="Repairs">What was repaired in the answer (a stripped preamble, a removed think block...).</param>
/// <param name="StartedAt">When the LLM job that produced this began; tells a stale failure from a fresh one.</param>
/// <param name="Stages">The usage split by stage (translate, critique, improve); empty for answers stored before stages were counted.</param>
/// <param name="Untranslated">
/// Pieces left untranslated in an otherwise successful answer: the chunk kept failing its checks, was
/// split, and these pieces failed on their own. Their <paramref name="English"/> is empty.
/// </param>
[GenerateSerializer, Immutable, Alias("grid.chunk-translation-result")]
public sealed record ChunkTranslationResult(
    [property: Id(0)] ImmutableArray<string> English,
    [property: Id(1)] LlmUsage Usage,
    [property: Id(2)] string ProducedFor,
    [property: Id(3)] LlmFailureKind Failure = LlmFailureKind.None,
    [property: Id(4)] string? FailureDetail = null,
    [property: Id(5)] ImmutableArray<string> Repairs = default,
    [property: Id(6)] DateTimeOffset StartedAt = default,
    [property: Id(7)] ImmutableArray<StageUsage> Stages = default,
    [property: Id(8)] ImmutableArray<UntranslatedSegment> Untranslated = default)
{
    public bool Succeeded => Failure == LlmFailureKind.None;

    /// <summary>Every piece is translated: the only kind of answer that may be cached.</summary>
    public bool Complete => Succeeded && Untranslated.IsDefaultOrEmpty;

    /// <summary>The English of one piece, or null when the work failed or left that piece untranslated.</summary>
    public string? EnglishOf(int segment) =>
        !Succeeded || segment >= English.Length || (!Untranslated.IsDefaultOrEmpty && Untranslated.Any(gap => gap.Segment == segment)) ? null : English[segment];
}
