using Grid.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Grid.Client;

public static class GridClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client connected as the configuration says, with the silo's own keys
    /// (<c>Grid:Clustering</c>, <c>Grid:Redis</c>, <c>Grid:Postgres</c>, <c>Grid:ClusterId</c>, <c>Grid:Silo:GatewayPort</c>),
    /// and <see cref="IGridClient"/> over it. Starting it fails with <see cref="GridUnavailableException"/> when no
    /// silo answers within <c>Grid:Client:ConnectTimeout</c> (10 s), and adding it fails with a sentence per wrong key.
    /// </summary>
    public static IServiceCollection AddGridClient(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here because they choose how the client finds the cluster; bound again for whoever asks, checked by the same validator.
        var options = GridClientOptions.Read(configuration);
        services.AddOptions<GridClientOptions>().Configure(bound => GridClientOptions.Bind(configuration, bound)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GridClientOptions>, GridClientOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOrleansClient(client =>
        {
            // A caller's trace continues into the grains.
            client.AddActivityPropagation();
            client.Services.AddSingleton<IClientConnectionRetryFilter, GridConnectionRetryFilter>();
            if (options.Clustering == ClusteringKind.Redis)
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
                client.UseLocalhostClustering(options.GatewayPort, serviceId: options.ClusterId, clusterId: options.ClusterId);
            }
        });
        services.AddSingleton<IGridClient, GridClient>();
        return services;
    }

    private static bool IsPostgres(GridClientOptions options) => options.Clustering == ClusteringKind.Postgres;
}
