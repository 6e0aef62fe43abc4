using System.Threading.Channels;

namespace Grid.Grains.Archive;

/// <summary>A change waiting for the archive's writer: a record or a removal, and who waits for it to be stored.</summary>
internal sealed record IndexWrite(ArticleIndexEntry? Entry, string? RemovedId = null, DateTimeOffset RemovedSubmittedAt = default)
{
    /// <summary>The most writes stored together: one transaction (one round trip on PostgreSQL), short enough to keep locks brief for readers and the next writers.</summary>
    public const int MaxBatch = 256;

    public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// An index's writer: stores whatever has gathered in <paramref name="queue"/> as one batch (group commit), and
    /// tells each waiting article whether its write is stored, until the queue is completed.
    /// </summary>
    /// <param name="failed">Told how many writes a failed batch held and why; the articles hear of it too and record themselves again at their next change.</param>
    public static async Task StoreInBatchesAsync(ChannelReader<IndexWrite> queue, Func<List<IndexWrite>, Task> store, Action<int, string> failed)
    {
        var batch = new List<IndexWrite>(MaxBatch);
        while (await queue.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.TryRead(out var write))
                batch.Add(write);
            try
            {
                await store(batch);
                batch.ForEach(write => write.Stored.TrySetResult());
            }
            catch (Exception error)
            {
                failed(batch.Count, error.Message);
                batch.ForEach(write => write.Stored.TrySetException(error));
            }
        }
    }
}
