using Grid.Client;
using Grid.Grains;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Grid.Cluster.Tests;

/// <summary>A real in-process Orleans cluster of several silos with Grid's grains, talking over HTTP to its own Ollama emulator.</summary>
public sealed class GridTestCluster : IAsyncDisposable
{
    private GridTestCluster(OllamaEmulatorServer emulator, InProcessTestCluster cluster) =>
        (Emulator, Cluster, Grid) = (emulator, cluster, new GridClient(cluster.Client));

    public OllamaEmulatorServer Emulator { get; }

    public InProcessTestCluster Cluster { get; }

    public IGridClient Grid { get; }

    /// <param name="storage">Registers the grain storage providers; in-memory when null.</param>
    /// <param name="settings">Configuration on top of <see cref="GridSettings.For"/>.</param>
    public static async Task<GridTestCluster> StartAsync(
        short silos, EmulatorOptions emulatorOptions, Action<ISiloBuilder>? storage = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var emulator = await OllamaEmulatorServer.StartAsync(emulatorOptions);
        var configuration = GridSettings.For(emulator.BaseAddress);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;

        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(configuration);
            host.Services.AddGridGrains(host.Configuration);
            host.Services.AddArticleWatchdog();
        });
        builder.ConfigureSilo((_, silo) => (storage ?? InMemory)(silo));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GridTestCluster(emulator, cluster);
    }

    public static void InMemory(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(GridStorage.Articles);
        silo.AddMemoryGrainStorage(GridStorage.Translations);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
