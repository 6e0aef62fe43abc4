using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

/// <summary>Grain storage that fails chosen writes, to prove a failed write is retried and shown, not lost.</summary>
public sealed class FlakyGrainStorage(IGrainStorage inner, Func<int, bool> failWrite) : IGrainStorage
{
    private int _writes;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        failWrite(Interlocked.Increment(ref _writes))
            ? Task.FromException(new IOException($"injected storage failure on write {_writes}"))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
