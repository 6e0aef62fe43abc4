using Grid.Client;
using Grid.Cluster.Tests.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Cluster.Tests.Redis;

/// <summary>
/// Several real silo apps in this process, clustered and stored in Redis exactly as
/// <c>Grid:Clustering=Redis</c> and <c>Grid:Storage=Redis</c> set them up, and a Grid client
/// that finds them through the same Redis.
/// </summary>
internal sealed class RedisGridCluster : IAsyncDisposable
{
    private readonly IReadOnlyList<GridSiloHost> _silos;
    private readonly IHost _client;

    private RedisGridCluster(IReadOnlyList<GridSiloHost> silos, IHost client) => (_silos, _client) = (silos, client);

    public IGridClient Grid => _client.Services.GetRequiredService<IGridClient>();

    public IClusterClient Orleans => _client.Services.GetRequiredService<IClusterClient>();

    public IReadOnlyList<GridSiloHost> Silos => _silos;

    /// <summary>The settings of <see cref="GridSettings.For"/> on Redis clustering and storage.</summary>
    public static Dictionary<string, string?> Settings(Uri emulator, string redis, string clusterId, int slots)
    {
        var settings = GridSettings.For(emulator, slots: slots);
        settings["Grid:Clustering"] = "Redis";
        settings["Grid:Storage"] = "Redis";
        settings["Grid:Redis"] = redis;
        settings["Grid:ClusterId"] = clusterId;
        return settings;
    }

    public static async Task<RedisGridCluster> StartAsync(int silos, IReadOnlyDictionary<string, string?> settings)
    {
        var started = new List<GridSiloHost>();
        try
        {
            for (var i = 0; i < silos; i++)
                started.Add(await GridSiloHost.StartAsync(settings));

            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddGridClient(builder.Configuration);
            var client = builder.Build();
            await client.StartAsync();
            return new RedisGridCluster(started, client);
        }
        catch
        {
            await Task.WhenAll(started.Select(silo => silo.DisposeAsync().AsTask()));
            throw;
        }
    }

    /// <summary>Stops the client, then every silo at once: the whole cluster goes down.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.StopAsync();
        }
        finally
        {
            _client.Dispose();
            await Task.WhenAll(_silos.Select(silo => silo.DisposeAsync().AsTask()));
        }
    }
}
