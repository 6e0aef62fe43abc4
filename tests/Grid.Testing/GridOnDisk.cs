using Grid.OllamaEmulator;
using Microsoft.AspNetCore.Builder;

namespace Grid.Testing;

/// <summary>
/// What outlives the silos a test stops and starts: the emulator they translate with, and a folder whose SQLite file
/// (<see cref="Database"/>, Grid's default storage) the next silo finds as the last one left it.
/// </summary>
public sealed class GridOnDisk : IAsyncDisposable
{
    private GridOnDisk(OllamaEmulatorServer emulator) => Emulator = emulator;

    public OllamaEmulatorServer Emulator { get; }

    public TemporaryFolder Folder { get; } = new();

    public string Database => Folder.File("grid.db");

    public static async Task<GridOnDisk> StartAsync(EmulatorOptions emulatorOptions) => new(await OllamaEmulatorServer.StartAsync(emulatorOptions));

    /// <summary>A silo on <see cref="Database"/>.</summary>
    /// <param name="settings">Configuration on top of <see cref="GridSettings.OnSqlite"/>.</param>
    /// <param name="configure">Last changes to the silo's builder, e.g. a grain storage decorator.</param>
    /// <param name="withClient">Whether to connect the host's Grid client (see <see cref="GridSiloHost.StartAsync"/>).</param>
    public Task<GridSiloHost> StartSiloAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, bool withClient = false)
    {
        var configuration = GridSettings.OnSqlite(Emulator.BaseAddress, Database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        return GridSiloHost.StartAsync(configuration, configure, withClient: withClient);
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Folder.Dispose();
    }
}
