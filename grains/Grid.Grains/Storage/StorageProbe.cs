using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>Asks a grain storage provider for a state that does not exist: an answer, even "none", proves the store is reachable.</summary>
public static class StorageProbe
{
    private static readonly GrainId ProbeId = GrainId.Create("grid-health", "probe");

    public static Task ReadAsync(IGrainStorage storage) =>
        storage.ReadStateAsync("probe", ProbeId, new GrainState<StorageProbeState>(new StorageProbeState()));
}
