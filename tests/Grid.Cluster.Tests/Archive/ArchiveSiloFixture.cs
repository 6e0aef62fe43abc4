using Grid.Client;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// A silo on the single-node default, grain states and the article index in SQLite files of a folder of its own,
/// the emulator as its LLM, and an <see cref="IGridClient"/> on its gateway.
/// </summary>
public sealed class ArchiveSiloFixture : IAsyncLifetime
{
    private GridOnDisk _disk = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IGridClient Grid => Silo.Grid;

    public string StatePath => _disk.Database;

    public async Task InitializeAsync()
    {
        _disk = await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        Silo = await _disk.StartSiloAsync(withClient: true);
        Http = Silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await _disk.DisposeAsync();
    }
}
