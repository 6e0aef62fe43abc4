namespace Grid.Abstractions.Articles;

/// <summary>
/// How far an article's body has come: chunks with an answer, of all its chunks. The one progress record of an
/// article (<see cref="ArticleView"/>), a line of the list (<see cref="ArticleListItem"/>) and a progress snapshot
/// (<see cref="ArticleProgress"/>), in grain calls and on the wire alike (<c>progress: { chunksDone, chunksTotal }</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.chunk-progress")]
public sealed record ChunkProgress(
    [property: Id(0)] int ChunksDone,
    [property: Id(1)] int ChunksTotal)
{
    /// <summary>As the command line shows it: <c>3/5</c>.</summary>
    public override string ToString() => $"{ChunksDone}/{ChunksTotal}";
}
