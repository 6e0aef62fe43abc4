using System.Collections.Concurrent;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

/// <summary>Passes every call on to the real provider and counts the writes, per state name and grain.</summary>
public sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), int> _writes = new();

    public int Writes(string stateName, GrainId grainId) => _writes.GetValueOrDefault((stateName, grainId));

    /// <summary>Writes of a state name over all grains.</summary>
    public int Writes(string stateName) => _writes.Where(entry => entry.Key.State == stateName).Sum(entry => entry.Value);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writes.AddOrUpdate((stateName, grainId), 1, (_, count) => count + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
