using System.Net;
using Grid.Abstractions;
using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Hosting;

/// <summary>Checked before the silo starts: a wrong key should stop the process with a sentence, not fail later.</summary>
public sealed class GridHostOptionsValidator : IValidateOptions<GridHostOptions>
{
    public ValidateOptionsResult Validate(string? name, GridHostOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Clustering))
            errors.Add($"Grid:Clustering '{options.Clustering}' is not one of {string.Join(", ", Enum.GetNames<ClusteringKind>())}.");
        if (!Enum.IsDefined(options.Storage))
            errors.Add($"Grid:Storage '{options.Storage}' is not one of {string.Join(", ", Enum.GetNames<StorageKind>())}.");
        if ((options.Clustering == ClusteringKind.Redis || options.Storage == StorageKind.Redis) && string.IsNullOrWhiteSpace(options.Redis))
            errors.Add("Grid:Redis is empty: give the Redis connection string, e.g. localhost:6379.");
        if (options.Storage == StorageKind.Sqlite && string.IsNullOrWhiteSpace(options.Sqlite.Path))
            errors.Add("Grid:Sqlite:Path is empty: give the database file, e.g. data/grid.db.");
        if (options.Storage == StorageKind.Sqlite && options.Clustering != ClusteringKind.Localhost)
            errors.Add($"Grid:Storage 'Sqlite' is a file on one machine and cannot back a {options.Clustering}-clustered cluster: use Grid:Storage={options.Clustering}.");
        if ((options.Clustering == ClusteringKind.Postgres || options.Storage == StorageKind.Postgres) && PostgresConnectionString.Problem(options.Postgres) is { } postgres)
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
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
