using Grid.Client;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// A silo on the single-node default, grain states and the article index in SQLite files of a folder of its own,
/// the emulator as its LLM, and an <see cref="IGridClient"/> on its gateway.
/// </summary>
public sealed class ArchiveSiloFixture : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private OllamaEmulatorServer _emulator = null!;
    private IHost _client = null!;

    public GridSiloHost Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IGridClient Grid => _client.Services.GetRequiredService<IGridClient>();

    public string StatePath => _folder.File("grid.db");

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var settings = GridSettings.For(_emulator.BaseAddress);
        settings["Grid:Storage"] = "Sqlite";
        settings["Grid:Sqlite:Path"] = StatePath;
        Silo = await GridSiloHost.StartAsync(settings);
        Http = Silo.CreateClient();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Grid:Silo:GatewayPort", Silo.GatewayPort.ToString())]);
        builder.Services.AddGridClient(builder.Configuration);
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        Http.Dispose();
        await Silo.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }
}
