using Grid.Client;
using Grid.Grains;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Grid.Cluster.Tests;

/// <summary>A real two-silo Orleans cluster with Grid's grains, talking over HTTP to the Ollama emulator.</summary>
public sealed class GridClusterFixture : IAsyncLifetime
{
    public OllamaEmulatorServer Emulator { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGridClient Grid { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var settings = GridSettings.For(Emulator.BaseAddress);
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddGridGrains(host.Configuration);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GridStorage.Articles);
            silo.AddMemoryGrainStorage(GridStorage.Translations);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Grid = new GridClient(Cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
