using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>What a chunk translation grain keeps: the checked translation once it exists, never a failure.</summary>
[GenerateSerializer, Alias("grid.chunk-translation-state")]
public sealed class ChunkTranslationState
{
    [Id(0)] public ChunkTranslationResult? Result { get; set; }
}
