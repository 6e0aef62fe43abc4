using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

/// <summary>Grain storage that refuses the writes a test chooses, while it chooses to; it stays in the silo's lifecycle like the provider it wraps.</summary>
public sealed class RefusingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Which states to refuse to write; null refuses none.</summary>
    public Func<object?, bool>? Refuse { get; set; }

    public int Refused;

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Refuse?.Invoke(grainState.State) != true)
            return inner.WriteStateAsync(stateName, grainId, grainState);
        Interlocked.Increment(ref Refused);
        return Task.FromException(new IOException($"injected: storage refused to write {stateName} of {grainId}"));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
