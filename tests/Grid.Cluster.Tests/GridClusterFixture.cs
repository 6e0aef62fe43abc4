using Grid.Client;
using Grid.OllamaEmulator;
using Orleans.TestingHost;

namespace Grid.Cluster.Tests;

/// <summary>A two-silo <see cref="GridTestCluster"/> shared by a test class.</summary>
public sealed class GridClusterFixture : IAsyncLifetime
{
    private GridTestCluster _grid = null!;

    public OllamaEmulatorServer Emulator => _grid.Emulator;

    public InProcessTestCluster Cluster => _grid.Cluster;

    public IGridClient Grid => _grid.Grid;

    public async Task InitializeAsync() =>
        _grid = await GridTestCluster.StartAsync(2, new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _grid.DisposeAsync();
}
