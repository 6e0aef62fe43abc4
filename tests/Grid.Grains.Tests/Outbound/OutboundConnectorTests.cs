using System.Net;
using Grid.Grains.Outbound;
using Microsoft.AspNetCore.Http;

namespace Grid.Grains.Tests.Outbound;

/// <summary>The guarded handler against a real server on loopback: the check happens where the connection is made.</summary>
public sealed class OutboundConnectorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ANameThatResolvesToLoopbackIsRefusedWhenConnectingByDefault()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => context.Response.WriteAsync("reached"));
        using var http = Client(OutboundConnector.RefusalFor(new OutboundOptions()));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://localhost:{server.Address.Port}/", Cancel()));

        var refused = Assert.IsType<OutboundRefusedException>(error.InnerException);
        Assert.Contains("loopback", refused.Message);
        Assert.Contains("Grid:Outbound:AllowPrivateNetworks=true", refused.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task AllowPrivateNetworksLetsTheSameRequestThrough()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => context.Response.WriteAsync("reached"));
        using var http = Client(OutboundConnector.RefusalFor(new OutboundOptions { AllowPrivateNetworks = true }));

        Assert.Equal("reached", await http.GetStringAsync($"http://localhost:{server.Address.Port}/", Cancel()));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://127.0.0.2:{port}/next", "loopback")]
    [InlineData("http://10.1.2.3/next", "private")]
    public async Task ARedirectToAPrivateAddressIsRefused(string location, string saying)
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            context.Response.Redirect(location.Replace("{port}", context.Connection.LocalPort.ToString()));
            return Task.CompletedTask;
        });
        using var http = Client(RulesExceptTheServer);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(server.Address, Cancel()));

        Assert.Contains(saying, Assert.IsType<OutboundRefusedException>(error.InnerException).Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task ARedirectToAnAllowedAddressIsFollowed()
    {
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/next")
                await context.Response.WriteAsync("followed");
            else
                context.Response.Redirect("/next");
        });
        using var http = Client(RulesExceptTheServer);

        Assert.Equal("followed", await http.GetStringAsync(server.Address, Cancel()));
        Assert.Equal(2, server.Requests);
    }

    /// <summary>The real rules, but for the test server's own address: the only way to have a first hop on this machine.</summary>
    private static string? RulesExceptTheServer(IPAddress address) =>
        address.Equals(IPAddress.Loopback) ? null : OutboundAddressRules.Refusal(address);

    private static HttpClient Client(Func<IPAddress, string?> refusal) =>
        new(OutboundConnector.CreateHandler(refusal)) { Timeout = Patience };

    private static CancellationToken Cancel() => new CancellationTokenSource(Patience).Token;
}
