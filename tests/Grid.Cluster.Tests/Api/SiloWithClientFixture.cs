using Grid.Client;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Cluster.Tests.Api;

/// <summary>A silo with the emulator, and an <see cref="IGridClient"/> set up the way an application does: <c>AddGridClient</c> on the silo's gateway port.</summary>
public sealed class SiloWithClientFixture : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;
    private IHost _client = null!;

    public OllamaEmulatorServer Emulator => _grid.Emulator;

    public IGridClient Grid => _client.Services.GetRequiredService<IGridClient>();

    /// <summary>The silo, for a client over its HTTP API to compare with.</summary>
    public GridSiloHost Silo => _grid.Silo;

    public async Task InitializeAsync()
    {
        _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new("Grid:Silo:GatewayPort", _grid.Silo.GatewayPort.ToString())]);
        builder.Services.AddGridClient(builder.Configuration);
        _client = builder.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        await _grid.DisposeAsync();
    }
}
