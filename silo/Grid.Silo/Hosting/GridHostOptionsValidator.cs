using System.Net;
using Grid.Silo.Hosting.Postgres;

namespace Grid.Silo.Hosting;

/// <summary>Checked before the silo starts: a wrong key should stop the process with a sentence, not fail later.</summary>
public static class GridHostOptionsValidator
{
    private static readonly string[] SupportedClustering = ["Localhost", "Redis", "Postgres"];
    private static readonly string[] SupportedStorage = ["Sqlite", "Redis", "Postgres", "Memory"];

    public static GridHostOptions Validated(GridHostOptions options)
    {
        var errors = new List<string>();
        if (!SupportedClustering.Contains(options.Clustering, StringComparer.OrdinalIgnoreCase))
            errors.Add($"Grid:Clustering '{options.Clustering}' is not one of {string.Join(", ", SupportedClustering)}.");
        if (!SupportedStorage.Contains(options.Storage, StringComparer.OrdinalIgnoreCase))
            errors.Add($"Grid:Storage '{options.Storage}' is not one of {string.Join(", ", SupportedStorage)}.");
        if ((options.ClusteringIs("Redis") || options.StorageIs("Redis")) && string.IsNullOrWhiteSpace(options.Redis))
            errors.Add("Grid:Redis is empty: give the Redis connection string, e.g. localhost:6379.");
        if (options.StorageIs("Sqlite") && string.IsNullOrWhiteSpace(options.Sqlite.Path))
            errors.Add("Grid:Sqlite:Path is empty: give the database file, e.g. data/grid.db.");
        if (options.StorageIs("Sqlite") && !options.ClusteringIs("Localhost"))
            errors.Add($"Grid:Storage 'Sqlite' is a file on one machine and cannot back a {options.Clustering}-clustered cluster: use Grid:Storage={options.Clustering}.");
        if ((options.ClusteringIs("Postgres") || options.StorageIs("Postgres")) && PostgresConnectionString.Problem(options.Postgres) is { } postgres)
            errors.Add(postgres);
        if (string.IsNullOrWhiteSpace(options.ClusterId))
            errors.Add("Grid:ClusterId is empty.");
        if (options.ShutdownTimeout < TimeSpan.FromSeconds(1) || options.ShutdownTimeout > TimeSpan.FromMinutes(10))
            errors.Add($"Grid:ShutdownTimeout is {options.ShutdownTimeout}: use 00:00:01 to 00:10:00.");
        if (options.Silo.SiloPort is < 1 or > 65535 || options.Silo.GatewayPort is < 1 or > 65535)
            errors.Add("Grid:Silo:SiloPort and Grid:Silo:GatewayPort must be TCP ports (1-65535).");
        if (options.Silo.SiloPort == options.Silo.GatewayPort)
            errors.Add($"Grid:Silo:SiloPort and Grid:Silo:GatewayPort are both {options.Silo.SiloPort}: they must differ.");
        if (!IPAddress.TryParse(options.Silo.AdvertisedIP, out _) && !string.Equals(options.Silo.AdvertisedIP, "auto", StringComparison.OrdinalIgnoreCase))
            errors.Add($"Grid:Silo:AdvertisedIP '{options.Silo.AdvertisedIP}' is neither an IP address nor 'auto'.");
        return errors.Count == 0 ? options : throw new InvalidOperationException("Invalid Grid configuration:\n  " + string.Join("\n  ", errors));
    }
}
