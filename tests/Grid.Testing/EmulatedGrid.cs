using Grid.Client;
using Grid.OllamaEmulator;
using Microsoft.AspNetCore.Builder;

namespace Grid.Testing;

/// <summary>A <see cref="GridSiloHost"/> whose only LLM backend is an emulator started for it, with a Grid client connected.</summary>
public sealed class EmulatedGrid : IAsyncDisposable
{
    private EmulatedGrid(OllamaEmulatorServer emulator, GridSiloHost silo) => (Emulator, Silo) = (emulator, silo);

    public OllamaEmulatorServer Emulator { get; }

    /// <summary>The host: its silos, their HTTP API, their services.</summary>
    public GridSiloHost Silo { get; }

    public IGridClient Grid => Silo.Grid;

    public IClusterClient Client => Silo.Client;

    /// <param name="settings">Configuration on top of <see cref="GridSettings.For"/>.</param>
    /// <param name="configure">Last changes to each silo's builder (see <see cref="GridSiloHost.StartAsync"/>).</param>
    public static async Task<EmulatedGrid> StartAsync(
        EmulatorOptions emulatorOptions, string model = "qwen2.5:7b", int silos = 1,
        IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var emulator = await OllamaEmulatorServer.StartAsync(emulatorOptions);
        try
        {
            var configuration = GridSettings.For(emulator.BaseAddress, model);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                configuration[key] = value;
            return new EmulatedGrid(emulator, await GridSiloHost.StartAsync(configuration, configure, silos, withClient: true));
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
