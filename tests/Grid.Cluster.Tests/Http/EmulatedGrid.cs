using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

/// <summary>A silo with its HTTP API whose only LLM backend is an emulator started for it.</summary>
public sealed class EmulatedGrid : IAsyncDisposable
{
    private EmulatedGrid(OllamaEmulatorServer emulator, GridSiloHost silo) => (Emulator, Silo) = (emulator, silo);

    public OllamaEmulatorServer Emulator { get; }

    public GridSiloHost Silo { get; }

    public static async Task<EmulatedGrid> StartAsync(EmulatorOptions emulatorOptions, string model = "qwen2.5:7b")
    {
        var emulator = await OllamaEmulatorServer.StartAsync(emulatorOptions);
        return new EmulatedGrid(emulator, await GridSiloHost.StartAsync(GridSettings.For(emulator.BaseAddress, model)));
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
