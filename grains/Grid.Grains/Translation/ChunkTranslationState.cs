using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>What a chunk translation grain keeps: the checked translation once it exists, never a failure.</summary>
[GenerateSerializer, Alias("grid.chunk-translation-state")]
public sealed class ChunkTranslationState
{
    [Id(0)] public ChunkTranslationResult? Result { get; set; }

    /// <summary>After a conflicting write: a translation already stored wins, so every article reads the same one.</summary>
    public static ChunkTranslationState Merge(ChunkTranslationState stored, ChunkTranslationState mine) =>
        stored.Result is null ? mine : stored;
}
