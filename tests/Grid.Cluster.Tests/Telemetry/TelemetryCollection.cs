namespace Grid.Cluster.Tests.Telemetry;

/// <summary>
/// Grid's meter and activity sources are process-wide: these tests run alone, so what they read
/// comes from their own articles and not from tests running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
