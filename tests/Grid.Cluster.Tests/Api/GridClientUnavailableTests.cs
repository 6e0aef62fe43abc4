using System.Diagnostics;
using Grid.Client;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grid.Cluster.Tests.Api;

/// <summary>An application using <see cref="IGridClient"/> learns clearly that the cluster is not there.</summary>
public sealed class GridClientUnavailableTests
{
    [Fact]
    public async Task StartingWithoutASiloFailsWithWhereTheClientLooked()
    {
        var port = LoopbackPorts.Free();
        using var client = ClientOf(port, connectTimeout: TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GridUnavailableException>(() => client.StartAsync());

        Assert.Contains($"localhost:{port}", error.Message);
        Assert.Contains("dotnet run --project silo/Grid.Silo", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"gave up after {clock.Elapsed}, not after about its timeout");
    }

    [Fact]
    public async Task CallsAfterTheSilosWentAwayFailWithGridUnavailable()
    {
        var grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = 0 });
        using var client = ClientOf(grid.Silo.GatewayPort, connectTimeout: TimeSpan.FromSeconds(2));
        await client.StartAsync();
        var gridClient = client.Services.GetRequiredService<IGridClient>();
        Assert.Null(await gridClient.GetProgressAsync("0123456789abcdef"));

        await grid.DisposeAsync();

        var error = await Assert.ThrowsAsync<GridUnavailableException>(() => gridClient.GetProgressAsync("0123456789abcdef"));
        Assert.Contains($"localhost:{grid.Silo.GatewayPort}", error.Message);
        await client.StopAsync();
    }

    [Fact]
    public void ANonPositiveConnectTimeoutIsRefusedAtStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClientOf(30000, TimeSpan.Zero));
        Assert.Contains("Grid:Client:ConnectTimeout", error.Message);
    }

    private static IHost ClientOf(int gatewayPort, TimeSpan connectTimeout)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([
            new("Grid:Silo:GatewayPort", gatewayPort.ToString()),
            new("Grid:Client:ConnectTimeout", connectTimeout.ToString()),
        ]);
        builder.Services.AddGridClient(builder.Configuration);
        return builder.Build();
    }
}
