namespace Grid.Silo.Api;

public sealed record ProgressResponse(int ChunksDone, int ChunksTotal);
