using Grid.Client;
using Grid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Testing;

/// <summary>
/// The one host of Grid's tests: one or more silo apps in this process, each built by <see cref="GridSiloApp.Build"/>
/// exactly as the silo process builds itself (the silo's own registration, its grain directory, storage, reminders,
/// HTTP API), on free loopback ports. Several silos form one cluster the way production's do: through Redis
/// (<c>Grid:Clustering=Redis</c>), a <c>redis-server</c> of the host's own unless the settings name one.
/// </summary>
public sealed class GridSiloHost : IAsyncDisposable
{
    private readonly List<GridSilo> _silos;
    private readonly IHost? _client;
    private readonly RedisServerFixture? _redis;

    private GridSiloHost(List<GridSilo> silos, IHost? client, RedisServerFixture? redis) => (_silos, _client, _redis) = (silos, client, redis);

    /// <summary>The silos still running, in the order they started.</summary>
    public IReadOnlyList<GridSilo> Silos => _silos;

    /// <summary>The first silo's HTTP address.</summary>
    public Uri Address => _silos[0].Address;

    /// <summary>The first silo's Orleans gateway port, that clients (the CLI, IGridClient) connect to.</summary>
    public int GatewayPort => _silos[0].GatewayPort;

    /// <summary>The first silo's services, to look at what it holds (its meters, its options, its grain storage).</summary>
    public IServiceProvider Services => _silos[0].Services;

    /// <summary>An application's Grid client, set up by <c>AddGridClient</c> from the same settings as the silos.</summary>
    public IGridClient Grid => ClientServices.GetRequiredService<IGridClient>();

    /// <summary>That client's Orleans client, for the grains no public API reaches.</summary>
    public IClusterClient Client => ClientServices.GetRequiredService<IClusterClient>();

    private IServiceProvider ClientServices => _client?.Services
        ?? throw new InvalidOperationException("This host was started without a client: pass withClient: true to GridSiloHost.StartAsync.");

    public HttpClient CreateClient() => _silos[0].CreateClient();

    /// <param name="settings">The silos' configuration (see <see cref="GridSettings.For"/>); storage is in memory unless it says otherwise.</param>
    /// <param name="configure">Last changes to each silo's builder, e.g. a grain storage decorator or an in-memory telemetry exporter.</param>
    /// <param name="silos">How many silos; more than one cluster through Redis.</param>
    /// <param name="withClient">Whether to connect <see cref="Grid"/> and <see cref="Client"/> (the HTTP API needs neither).</param>
    public static async Task<GridSiloHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null, int silos = 1, bool withClient = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        var configuration = new Dictionary<string, string?>(settings);
        var redis = silos > 1 && !configuration.ContainsKey("Grid:Clustering") ? await OwnRedisAsync(configuration) : null;
        var started = new List<GridSilo>();
        try
        {
            for (var i = 0; i < silos; i++)
                started.Add(await GridSilo.StartAsync(configuration, configure));
            configuration["Grid:Silo:GatewayPort"] = started[0].GatewayPort.ToString();
            return new GridSiloHost(started, withClient ? await StartClientAsync(configuration) : null, redis);
        }
        catch
        {
            await Task.WhenAll(started.Select(silo => silo.DisposeAsync().AsTask()));
            if (redis is not null)
                await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends a silo as a crash does: no graceful leave, its activations lost; the others must notice and take over.</summary>
    public async Task KillSiloAsync(GridSilo silo)
    {
        if (!_silos.Remove(silo))
            throw new ArgumentException($"Silo {silo.SiloAddress} is not one of this host's.", nameof(silo));
        await silo.KillAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client is not null)
                await _client.StopAsync();
        }
        finally
        {
            _client?.Dispose();
            await Task.WhenAll(_silos.Select(silo => silo.DisposeAsync().AsTask()));
            if (_redis is not null)
                await _redis.DisposeAsync();
        }
    }

    /// <summary>Production's membership for several nodes: Redis clustering, in a cluster id of this host's own.</summary>
    private static async Task<RedisServerFixture> OwnRedisAsync(Dictionary<string, string?> configuration)
    {
        var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        configuration["Grid:Clustering"] = "Redis";
        configuration["Grid:Redis"] = redis.ConnectionString;
        configuration.TryAdd("Grid:ClusterId", $"grid-test-{Guid.NewGuid():N}");
        return redis;
    }

    private static async Task<IHost> StartClientAsync(IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddGridClient(builder.Configuration);
        var client = builder.Build();
        await client.StartAsync();
        return client;
    }
}
