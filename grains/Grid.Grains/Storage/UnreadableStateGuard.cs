using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// Wraps a grain storage provider so that one unreadable stored state cannot keep its grain from
/// activating for good: the state is set aside (kept, logged, counted in <c>grid.storage.unreadable</c>)
/// and the grain starts empty, told so when its state is an <see cref="IStartsAfterSetAside"/>.
/// Storage that cannot be reached still fails the read, as it should.
/// </summary>
public sealed partial class UnreadableStateGuard(
    string name,
    IGrainStorage inner,
    IStateSetAside setAside,
    IActivatorProvider activators,
    ILogger<UnreadableStateGuard> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly Counter<long> SetAside = GridTelemetry.Meter.CreateCounter<long>(
        "grid.storage.unreadable", "{state}", "Stored grain states that could not be read and were set aside; their grains started empty.");

    /// <summary>Orleans enlists a provider in the silo's lifecycle through its registration, which is now this wrapper.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ReadStateAsync(stateName, grainId, grainState);
        }
        catch (Exception error) when (UnreadableState.Is(error))
        {
            var keptAt = await setAside.SetAsideAsync(stateName, grainId);
            SetAside.Add(1, new("grid.storage.provider", name), new("grid.storage.state", stateName));
            LogSetAside(grainId.ToString(), stateName, name, keptAt, Innermost(error).Message);
            var fresh = activators.GetActivator<T>().Create();
            (fresh as IStartsAfterSetAside)?.StartedAfterSetAside(keptAt);
            grainState.State = fresh;
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    private static Exception Innermost(Exception error) => error.InnerException is { } inner ? Innermost(inner) : error;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored state '{StateName}' of grain {GrainId} (storage {Provider}) could not be read and was set aside at {KeptAt}; the grain starts empty. Reading it failed with: {Error}")]
    private partial void LogSetAside(string grainId, string stateName, string provider, string keptAt, string error);
}
