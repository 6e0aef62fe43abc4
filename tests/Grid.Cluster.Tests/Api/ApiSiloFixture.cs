using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Api;

/// <summary>A silo with its HTTP API and the emulator as its LLM backend, configured with <see cref="Settings"/> on top of the test defaults.</summary>
public abstract class ApiSiloFixture : IAsyncLifetime
{
    private OllamaEmulatorServer _emulator = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    /// <summary>The silo's only LLM backend, to count what reached it.</summary>
    public OllamaEmulatorServer Emulator => _emulator;

    public HttpClient Http { get; private set; } = null!;

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var settings = GridSettings.For(_emulator.BaseAddress);
        foreach (var (key, value) in Settings)
            settings[key] = value;
        Silo = await GridSiloHost.StartAsync(settings);
        Http = Silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
