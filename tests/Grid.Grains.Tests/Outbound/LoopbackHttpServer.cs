using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Tests.Outbound;

/// <summary>A real Kestrel server on 127.0.0.1 answering every request with <paramref name="handle"/>; counts what it received.</summary>
internal sealed class LoopbackHttpServer(WebApplication app, Uri address) : IAsyncDisposable
{
    private int _requests;

    public Uri Address { get; } = address;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackHttpServer> StartAsync(Func<HttpContext, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackHttpServer? server = null;
        app.Run(context =>
        {
            Interlocked.Increment(ref server!._requests);
            return handle(context);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        server = new LoopbackHttpServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
