namespace Grid.Grains.Storage;

/// <summary>The state <see cref="StorageProbe"/> reads: never written, so reading it touches no grain's data.</summary>
[GenerateSerializer, Alias("grid.storage-probe-state")]
public sealed class StorageProbeState;
