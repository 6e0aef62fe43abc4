namespace Grid.Silo.Hosting;

/// <summary>How this process joins a cluster and where it keeps state: <c>Grid:Clustering</c>, <c>Grid:Storage</c>, <c>Grid:Silo</c>.</summary>
public sealed class GridHostOptions
{
    /// <summary><c>Localhost</c>: a single node on this machine.</summary>
    public string Clustering { get; set; } = "Localhost";

    /// <summary><c>Memory</c>: state lives as long as the process.</summary>
    public string Storage { get; set; } = "Memory";

    public string Redis { get; set; } = "localhost:6379";

    public SiloPortOptions Silo { get; set; } = new();
}
