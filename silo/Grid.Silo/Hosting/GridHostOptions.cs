namespace Grid.Silo.Hosting;

/// <summary>How this process joins a cluster and where it keeps state: <c>Grid:Clustering</c>, <c>Grid:Storage</c>, <c>Grid:Silo</c>, <c>Grid:Dashboard</c>.</summary>
public sealed class GridHostOptions
{
    /// <summary><c>Localhost</c>: a single node on this machine; <c>Redis</c> or <c>Postgres</c>: any number of silos sharing <see cref="Redis"/> or <see cref="Postgres"/>.</summary>
    public string Clustering { get; set; } = "Localhost";

    /// <summary><c>Sqlite</c>: a file, for one node; <c>Postgres</c> or <c>Redis</c>: shared by the cluster; <c>Memory</c>: gone with the process.</summary>
    public string Storage { get; set; } = "Sqlite";

    /// <summary>The Redis connection string, for Redis clustering and storage.</summary>
    public string Redis { get; set; } = "localhost:6379";

    /// <summary>
    /// The Npgsql connection string, for PostgreSQL clustering and storage (<c>Host=…;Database=…;Username=…;Password=…</c>).
    /// No default: a password has no safe one.
    /// </summary>
    public string Postgres { get; set; } = "";

    /// <summary>Silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "grid";

    /// <summary>
    /// How long a stopping silo may take to hand over its grains; a little after it, a silo that still has not
    /// stopped (its storage or membership table gone) exits anyway, saying so. Under Docker's 10 s before SIGKILL.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(7);

    public SqliteOptions Sqlite { get; set; } = new();

    public SiloPortOptions Silo { get; set; } = new();

    public DashboardSettings Dashboard { get; set; } = new();

    public bool ClusteringIs(string kind) => string.Equals(Clustering, kind, StringComparison.OrdinalIgnoreCase);

    public bool StorageIs(string kind) => string.Equals(Storage, kind, StringComparison.OrdinalIgnoreCase);
}
