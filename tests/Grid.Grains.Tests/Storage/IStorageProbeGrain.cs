namespace Grid.Grains.Tests.Storage;

/// <summary>A grain with one state, "probe", in each of Grid's two storage providers, to drive them from a real silo.</summary>
[Alias("Grid.Grains.Tests.Storage.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Appends a line to the state in <paramref name="provider"/> and writes it.</summary>
    [Alias("Append")]
    Task AppendAsync(string provider, string line);

    /// <summary>The state in <paramref name="provider"/> as the file holds it now (re-read, not the activation's copy).</summary>
    [Alias("Read")]
    Task<ProbeState> ReadAsync(string provider);

    /// <summary>Whether the activation found a row for the state in <paramref name="provider"/>.</summary>
    [Alias("RecordExists")]
    Task<bool> RecordExistsAsync(string provider);

    [Alias("Clear")]
    Task ClearAsync(string provider);
}
