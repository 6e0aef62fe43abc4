namespace Grid.Grains.Tests.Storage;

/// <summary>A grain state held in memory that counts the writes asked of it and fails the ones it is told to.</summary>
public sealed class CountingPersistentState<T>(T state) : IPersistentState<T>
{
    public T State { get; set; } = state;

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    /// <summary>Writes asked for, failed ones included.</summary>
    public int Writes { get; private set; }

    /// <summary>How many of the next writes fail.</summary>
    public int FailNext { get; set; }

    public Task WriteStateAsync()
    {
        Writes++;
        if (FailNext > 0)
        {
            FailNext--;
            return Task.FromException(new IOException("injected: the write failed"));
        }
        (Etag, RecordExists) = (Writes.ToString(), true);
        return Task.CompletedTask;
    }

    public Task ReadStateAsync() => Task.CompletedTask;

    public Task ClearStateAsync()
    {
        (Etag, RecordExists) = (null, false);
        return Task.CompletedTask;
    }
}
