namespace Grid.Abstractions.Translation;

/// <summary>A paragraph piece of a chunk that no answer translated acceptably, and why; the chunk's other pieces are translated.</summary>
/// <param name="Segment">The piece's index in the chunk (as in <see cref="ChunkTranslationRequest.Segments"/>).</param>
/// <param name="Reason">The last check that rejected its English.</param>
[GenerateSerializer, Immutable, Alias("grid.untranslated-segment")]
public sealed record UntranslatedSegment(
    [property: Id(0)] int Segment,
    [property: Id(1)] string Reason);
