namespace Grid.Grains.Archive;

/// <summary>A change waiting for the archive's writer: a record or a removal, and who waits for it to be stored.</summary>
internal sealed record IndexWrite(ArticleIndexEntry? Entry, string? RemovedId = null, DateTimeOffset RemovedSubmittedAt = default)
{
    public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
