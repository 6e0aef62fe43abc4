using Grid.Cli.Commands;
using Grid.Client;
using Grid.Client.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Cli;

/// <summary>
/// The client for one command: the HTTP API by default (<c>--url</c>/<c>GRID_URL</c>, <c>--api-key</c>/<c>GRID_API_KEY</c>),
/// or a started Orleans client with <c>--gateway</c>, configured from the environment (<c>Grid__...</c>) and the command's options.
/// </summary>
public sealed class GridConnection(IHost host) : IAsyncDisposable
{
    /// <summary>A backstop: the client itself gives up after <c>Grid:Client:ConnectTimeout</c> (10 s) of failed attempts.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public IGridClient Client { get; } = host.Services.GetRequiredService<IGridClient>();

    public static async Task<GridConnection> OpenAsync(GridCommandSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (!settings.UsesGateway)
        {
            builder.Services.AddGridHttpClient(options => (options.BaseAddress, options.ApiKey) = (new Uri(settings.HttpUrl), settings.HttpApiKey));
            return new GridConnection(builder.Build());
        }
        if (settings.GatewayPort is { } port)
            builder.Configuration.AddInMemoryCollection([new("Grid:Silo:GatewayPort", port.ToString())]);
        builder.Services.AddGridClient(builder.Configuration);
        var host = builder.Build();
        // A person at a terminal wants an answer, even from a gateway that accepts the connection and then says nothing.
        var where = host.Services.GetRequiredService<IOptions<GridClientOptions>>().Value.Where;
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(connecting.Token);
        }
        catch (GridUnavailableException)
        {
            host.Dispose();
            throw;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var why = error is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:0} s" : error.Message;
            throw new GridUnavailableException(
                $"Could not reach a Grid silo {where} ({why}). Is one running? Start it with 'dotnet run --project silo/Grid.Silo'.", error);
        }
        return new GridConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
