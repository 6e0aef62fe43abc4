using Grid.Abstractions;

namespace Grid.Silo.Hosting;

/// <summary>How this process joins a cluster and where it keeps state: <c>Grid:Clustering</c>, <c>Grid:Storage</c>, <c>Grid:Silo</c>, <c>Grid:Dashboard</c>.</summary>
public sealed class GridHostOptions
{
    /// <summary><c>Localhost</c>: a single node on this machine; <c>Redis</c> or <c>Postgres</c>: any number of silos sharing <see cref="Redis"/> or <see cref="Postgres"/>.</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary><c>Sqlite</c>: a file, for one node; <c>Postgres</c> or <c>Redis</c>: shared by the cluster; <c>Memory</c>: gone with the process.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Sqlite;

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

    public const string Section = "Grid";

    /// <summary>
    /// The options as the silo starts with them, read before the host is built (they choose its providers): bound from
    /// <c>Grid</c> and checked by <see cref="GridHostOptionsValidator"/>, the validator <c>ValidateOnStart</c> runs too.
    /// </summary>
    /// <exception cref="InvalidOperationException">A key is wrong; the message has a sentence for each, naming the key.</exception>
    public static GridHostOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        string?[] names =
        [
            EnumSetting.Problem<ClusteringKind>("Grid:Clustering", section[nameof(Clustering)]),
            EnumSetting.Problem<StorageKind>("Grid:Storage", section[nameof(Storage)]),
        ];
        var errors = names.OfType<string>().ToList();
        var options = errors.Count == 0 ? section.Get<GridHostOptions>() ?? new() : new();
        if (errors.Count == 0 && new GridHostOptionsValidator().Validate(null, options) is { Failed: true } invalid)
            errors.AddRange(invalid.Failures);
        return errors.Count == 0 ? options : throw new InvalidOperationException("Invalid Grid configuration:\n  " + string.Join("\n  ", errors));
    }
}
