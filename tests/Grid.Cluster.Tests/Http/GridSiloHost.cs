using Grid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Cluster.Tests.Http;

/// <summary>A real silo process's app (Orleans silo + HTTP API on Kestrel), on free loopback ports.</summary>
public sealed class GridSiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GridSiloHost(WebApplication app, Uri address, int gatewayPort) => (_app, Address, GatewayPort) = (app, address, gatewayPort);

    public Uri Address { get; }

    /// <summary>The Orleans gateway port that clients (the CLI, IGridClient) connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>The app's services, to look at what it holds (its meters, its options).</summary>
    public IServiceProvider Services => _app.Services;

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };

    /// <param name="configure">Last changes to the silo's builder, e.g. an in-memory telemetry exporter.</param>
    public static async Task<GridSiloHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var gatewayPort = LoopbackPorts.Free();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Grid:Silo:SiloPort={LoopbackPorts.Free()}",
            $"--Grid:Silo:GatewayPort={gatewayPort}",
            // The shipped appsettings.json (copied next to the tests) stores in a file; a test host keeps to memory unless told otherwise.
            "--Grid:Storage=Memory",
            .. settings.Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        var app = GridSiloApp.Build(args, configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new GridSiloHost(app, new Uri(address), gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
