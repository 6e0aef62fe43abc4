using Grid.Client;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Api;

/// <summary>A silo with the emulator, and an <see cref="IGridClient"/> set up the way an application does: <c>AddGridClient</c> on the silo's gateway port.</summary>
public sealed class SiloWithClientFixture : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public OllamaEmulatorServer Emulator => _grid.Emulator;

    public IGridClient Grid => _grid.Grid;

    /// <summary>The silo, for a client over its HTTP API to compare with.</summary>
    public GridSiloHost Silo => _grid.Silo;

    public async Task InitializeAsync() => _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _grid.DisposeAsync();
}
