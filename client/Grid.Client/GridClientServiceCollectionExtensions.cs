using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grid.Client;

public static class GridClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client connected as the configuration says, with the silo's own keys
    /// (<c>Grid:Clustering</c>, <c>Grid:Redis</c>, <c>Grid:Postgres</c>, <c>Grid:ClusterId</c>, <c>Grid:Silo:GatewayPort</c>),
    /// and <see cref="IGridClient"/> over it. Starting it fails with <see cref="GridUnavailableException"/> when no
    /// silo answers within <c>Grid:Client:ConnectTimeout</c> (10 s).
    /// </summary>
    public static IServiceCollection AddGridClient(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new GridClientOptions
        {
            Clustering = configuration["Grid:Clustering"] ?? "Localhost",
            Redis = configuration["Grid:Redis"] ?? "localhost:6379",
            Postgres = configuration["Grid:Postgres"],
            ClusterId = configuration["Grid:ClusterId"] ?? "grid",
            GatewayPort = configuration.GetValue("Grid:Silo:GatewayPort", 30000),
            ConnectTimeout = configuration.GetValue("Grid:Client:ConnectTimeout", TimeSpan.FromSeconds(10)),
            Owner = configuration["Grid:Client:Owner"],
        };
        if (options.ConnectTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"Grid:Client:ConnectTimeout must be above zero, not {options.ConnectTimeout}.");
        if (IsPostgres(options))
            PostgresGateways.Validate(options.Postgres);
        services.Configure<GridClientOptions>(o =>
            (o.Clustering, o.Redis, o.ClusterId, o.GatewayPort, o.ConnectTimeout, o.Owner) = (options.Clustering, options.Redis, options.ClusterId, options.GatewayPort, options.ConnectTimeout, options.Owner));
        services.Configure<GridClientOptions>(o => o.Postgres = options.Postgres);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOrleansClient(client =>
        {
            // A caller's trace continues into the grains.
            client.AddActivityPropagation();
            client.Services.AddSingleton<IClientConnectionRetryFilter, GridConnectionRetryFilter>();
            if (string.Equals(options.Clustering, "Localhost", StringComparison.OrdinalIgnoreCase))
            {
                client.UseLocalhostClustering(options.GatewayPort, serviceId: options.ClusterId, clusterId: options.ClusterId);
            }
            else if (string.Equals(options.Clustering, "Redis", StringComparison.OrdinalIgnoreCase))
            {
                client.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ClusterId));
                client.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
            }
            else if (IsPostgres(options))
            {
                client.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ClusterId));
                client.UseAdoNetClustering(postgres => (postgres.Invariant, postgres.ConnectionString) = (PostgresGateways.Invariant, options.Postgres));
            }
            else
            {
                throw new InvalidOperationException($"Grid:Clustering '{options.Clustering}' is not one of Localhost, Redis, Postgres.");
            }
        });
        services.AddSingleton<IGridClient, GridClient>();
        return services;
    }

    private static bool IsPostgres(GridClientOptions options) => string.Equals(options.Clustering, "Postgres", StringComparison.OrdinalIgnoreCase);
}
