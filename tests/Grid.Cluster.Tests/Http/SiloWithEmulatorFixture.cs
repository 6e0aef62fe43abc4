using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

/// <summary>One silo with its HTTP API, and the emulator as its LLM backend.</summary>
public sealed class SiloWithEmulatorFixture : IAsyncLifetime
{
    public OllamaEmulatorServer Emulator { get; private set; } = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        Silo = await GridSiloHost.StartAsync(GridSettings.For(Emulator.BaseAddress));
        Http = Silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
