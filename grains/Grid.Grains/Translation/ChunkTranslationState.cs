using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>
/// What a chunk translation grain keeps: the checked translation once it exists (never a failure),
/// and while the LLM job runs, which silo claimed it.
/// </summary>
[GenerateSerializer, Alias("grid.chunk-translation-state")]
public sealed class ChunkTranslationState
{
    [Id(0)] public ChunkTranslationResult? Result { get; set; }

    /// <summary>
    /// The silo whose activation runs the job. After a silo fails, Orleans may briefly hold two
    /// activations of one grain; the claim, written with the ETag, lets only one of them pay.
    /// </summary>
    [Id(1)] public string? ClaimedBySilo { get; set; }

    /// <summary>A claim is void after this even if its silo lives on, so work is never stuck behind it.</summary>
    [Id(2)] public DateTimeOffset ClaimedUntil { get; set; }

    /// <summary>After a conflicting write: a translation already stored wins, so every article reads the same one.</summary>
    public static ChunkTranslationState Merge(ChunkTranslationState stored, ChunkTranslationState mine) =>
        stored.Result is null ? mine : stored;
}
