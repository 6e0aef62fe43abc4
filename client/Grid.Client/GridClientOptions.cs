using Grid.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Grid.Client;

/// <summary>How the client finds the cluster; the same keys the silo reads (<c>Grid:Clustering</c>, <c>Grid:Redis</c>, <c>Grid:Postgres</c>, <c>Grid:ClusterId</c>, <c>Grid:Silo:GatewayPort</c>).</summary>
public sealed class GridClientOptions
{
    /// <summary>
    /// <c>Localhost</c>: the silo on this machine at <see cref="GatewayPort"/>; <c>Redis</c> or <c>Postgres</c>: any silo
    /// of the cluster registered in <see cref="Redis"/> or in the PostgreSQL database <see cref="Postgres"/> names.
    /// </summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    public string Redis { get; set; } = "localhost:6379";

    /// <summary>The Npgsql connection string of the cluster's membership table (<c>Grid:Postgres</c>, as the silo's); no default.</summary>
    public string? Postgres { get; set; }

    public string ClusterId { get; set; } = "grid";

    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long starting the client keeps trying to reach a silo before it fails (<c>Grid:Client:ConnectTimeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Where the client looks for the cluster, in words for an error message.</summary>
    public string Where =>
        Clustering == ClusteringKind.Redis ? $"in cluster '{ClusterId}' registered in Redis at {Redis}"
        : Clustering == ClusteringKind.Postgres ? $"in cluster '{ClusterId}' registered in PostgreSQL at {PostgresServer}"
        : $"at localhost:{GatewayPort}";

    /// <summary>The PostgreSQL server and database, without the login: safe for an error message.</summary>
    private string PostgresServer
    {
        get
        {
            var settings = new Npgsql.NpgsqlConnectionStringBuilder(Postgres);
            return $"{settings.Host}:{settings.Port}/{settings.Database}";
        }
    }

    /// <summary>
    /// Whose articles this client submits (a team, an import job): within a priority, owners take turns for the LLM.
    /// Null: <c>anonymous</c> (<c>Grid:Client:Owner</c>). Over HTTP the API key's name is the owner instead.
    /// </summary>
    public string? Owner { get; set; }

    /// <summary>How often <see cref="IGridClient.WaitAsync"/> looks at the article (<c>Grid:Client:PollInterval</c>).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Sets what the configuration says: the silo's own keys for the cluster, <c>Grid:Client:…</c> for the client's.</summary>
    public static void Bind(IConfiguration configuration, GridClientOptions options)
    {
        options.Clustering = configuration.GetValue("Grid:Clustering", options.Clustering);
        options.Redis = configuration["Grid:Redis"] ?? options.Redis;
        options.Postgres = configuration["Grid:Postgres"] ?? options.Postgres;
        options.ClusterId = configuration["Grid:ClusterId"] ?? options.ClusterId;
        options.GatewayPort = configuration.GetValue("Grid:Silo:GatewayPort", options.GatewayPort);
        configuration.GetSection("Grid:Client").Bind(options);
    }

    /// <summary>
    /// The options as the client starts with them, read before its host is built (they choose how it finds the cluster):
    /// bound by <see cref="Bind"/> and checked by <see cref="GridClientOptionsValidator"/>, the validator <c>ValidateOnStart</c> runs too.
    /// </summary>
    /// <exception cref="InvalidOperationException">A key is wrong; the message has a sentence for each, naming the key.</exception>
    public static GridClientOptions Read(IConfiguration configuration)
    {
        var options = new GridClientOptions();
        if (EnumSetting.Problem<ClusteringKind>("Grid:Clustering", configuration["Grid:Clustering"]) is { } clustering)
            throw new InvalidOperationException($"Invalid Grid client configuration:\n  {clustering}");
        Bind(configuration, options);
        return new GridClientOptionsValidator().Validate(null, options) is { Failed: true } invalid
            ? throw new InvalidOperationException("Invalid Grid client configuration:\n  " + string.Join("\n  ", invalid.Failures))
            : options;
    }
}
