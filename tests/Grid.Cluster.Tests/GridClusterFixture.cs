using Grid.Client;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests;

/// <summary>A two-silo <see cref="EmulatedGrid"/> shared by a test class.</summary>
public sealed class GridClusterFixture : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public OllamaEmulatorServer Emulator => _grid.Emulator;

    public GridSiloHost Cluster => _grid.Silo;

    public IGridClient Grid => _grid.Grid;

    public async Task InitializeAsync() =>
        _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 }, silos: 2);

    public async Task DisposeAsync() => await _grid.DisposeAsync();
}
