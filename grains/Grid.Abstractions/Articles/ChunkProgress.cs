namespace Grid.Abstractions.Articles;

/// <summary>
/// How far an article's body has come: chunks with an answer, of all its chunks. The one <c>progress</c> object of
/// the HTTP API (an article, a list line, a progress event) on both sides of the wire.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.chunk-progress")]
public sealed record ChunkProgress(
    [property: Id(0)] int ChunksDone,
    [property: Id(1)] int ChunksTotal);
