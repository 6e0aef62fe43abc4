namespace Grid.Client.Http;

/// <summary><c>progress: { chunksDone, chunksTotal }</c> in the API's answers.</summary>
internal sealed record ProgressDocument(int ChunksDone, int ChunksTotal);
