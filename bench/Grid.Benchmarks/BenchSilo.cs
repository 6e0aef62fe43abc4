using System.Net;
using System.Net.Sockets;
using Grid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Benchmarks;

/// <summary>A Grid silo (Orleans + HTTP API) in this process on free loopback ports, quiet, in-memory unless told otherwise.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchSilo(WebApplication app, HttpClient http) => (_app, Http) = (app, http);

    public HttpClient Http { get; }

    /// <summary>The silo's own grain factory, for reading progress without going through HTTP.</summary>
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <param name="configure">Last changes before the silo is built (a scenario's own counters).</param>
    public static async Task<BenchSilo> StartAsync(IEnumerable<string> settings, Action<WebApplicationBuilder>? configure = null)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Grid:Silo:SiloPort={FreePort()}",
            $"--Grid:Silo:GatewayPort={FreePort()}",
            "--Grid:Storage=Memory",
            "--Logging:LogLevel:Default=Warning",
            // Standard output is for the scenario's JSON line; what the silo logs goes to standard error.
            "--Logging:Console:LogToStandardErrorThreshold=Trace",
            // The benchmark polls every article it sends; the per-address rate limit is for people, not for it.
            "--Grid:Api:RequestsPerMinute=0",
            .. settings,
        ];
        var app = GridSiloApp.Build(args, builder =>
        {
            BenchCounters.Shared.Attach(builder);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BenchSilo(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
