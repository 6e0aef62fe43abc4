using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

/// <summary>One silo with its HTTP API, and the emulator as its LLM backend, shared by a test class.</summary>
public sealed class SiloWithEmulatorFixture : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public OllamaEmulatorServer Emulator => _grid.Emulator;

    public GridSiloHost Silo => _grid.Silo;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        Http = _grid.Silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _grid.DisposeAsync();
    }
}
