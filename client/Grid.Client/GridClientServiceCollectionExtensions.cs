using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Client;

public static class GridClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds an Orleans client connected as the configuration says (<c>Grid:Clustering</c>,
    /// <c>Grid:Silo:GatewayPort</c>) and <see cref="IGridClient"/> over it.
    /// </summary>
    public static IServiceCollection AddGridClient(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new GridClientOptions
        {
            Clustering = configuration["Grid:Clustering"] ?? "Localhost",
            GatewayPort = configuration.GetValue("Grid:Silo:GatewayPort", 30000),
        };
        if (!string.Equals(options.Clustering, "Localhost", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Grid:Clustering '{options.Clustering}' is not supported by this client build; use Localhost.");

        services.Configure<GridClientOptions>(o => (o.Clustering, o.GatewayPort) = (options.Clustering, options.GatewayPort));
        services.AddOrleansClient(client => client.UseLocalhostClustering(options.GatewayPort));
        services.AddSingleton<IGridClient, GridClient>();
        return services;
    }
}
