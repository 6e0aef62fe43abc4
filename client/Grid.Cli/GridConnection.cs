using Grid.Cli.Commands;
using Grid.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.Cli;

/// <summary>A started Orleans client for one command, configured from the environment (<c>Grid__...</c>) and the command's options.</summary>
public sealed class GridConnection(IHost host) : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public IGridClient Client { get; } = host.Services.GetRequiredService<IGridClient>();

    public static async Task<GridConnection> OpenAsync(GridCommandSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (settings.GatewayPort is { } port)
            builder.Configuration.AddInMemoryCollection([new("Grid:Silo:GatewayPort", port.ToString())]);
        builder.Services.AddGridClient(builder.Configuration);
        var host = builder.Build();
        // The Orleans client keeps retrying a gateway that is not there; a person at a terminal wants an answer.
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(connecting.Token);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var where = string.Equals(builder.Configuration["Grid:Clustering"], "Redis", StringComparison.OrdinalIgnoreCase)
                ? $"registered in Redis at {builder.Configuration["Grid:Redis"] ?? "localhost:6379"}"
                : $"at localhost:{builder.Configuration.GetValue("Grid:Silo:GatewayPort", 30000)}";
            var why = error is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:0} s" : error.Message;
            throw new GridUnreachableException(
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
