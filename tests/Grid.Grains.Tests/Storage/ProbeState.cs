namespace Grid.Grains.Tests.Storage;

/// <summary>What the probe grain keeps: lines in the order they were appended, with Arabic among them.</summary>
[GenerateSerializer, Alias("Grid.Grains.Tests.Storage.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public List<string> Lines { get; set; } = [];

    [Id(1)] public DateTimeOffset? LastWrite { get; set; }
}
