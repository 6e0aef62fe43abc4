using Grid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Grid.Testing;

/// <summary>One silo of a <see cref="GridSiloHost"/>: a silo process's app (Orleans silo + HTTP API on Kestrel) on free loopback ports.</summary>
public sealed class GridSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private GridSilo(WebApplication app, Uri address, int gatewayPort) => (_app, Address, GatewayPort) = (app, address, gatewayPort);

    public Uri Address { get; }

    /// <summary>The Orleans gateway port that clients (the CLI, IGridClient) connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>The app's services, to look at what it holds (its meters, its options, its grain storage).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The silo's address in the cluster, as the management grain names where an activation lives.</summary>
    public SiloAddress SiloAddress => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };

    internal static async Task<GridSilo> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure)
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
        return new GridSilo(app, new Uri(address), gatewayPort);
    }

    /// <summary>Stops with the stop already cancelled: Orleans then leaves no goodbye in the membership and hands nothing over.</summary>
    internal async Task KillAsync()
    {
        using var now = new CancellationTokenSource();
        await now.CancelAsync();
        _stopped = true;
        try
        {
            await _app.StopAsync(now.Token);
        }
        catch (OperationCanceledException)
        {
            // What a stop cancelled before it began may throw: the silo is gone either way.
        }
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
