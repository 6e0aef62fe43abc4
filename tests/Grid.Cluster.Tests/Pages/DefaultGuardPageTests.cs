using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Pages;

/// <summary>A silo with the default outbound guard: a URL on this machine is never fetched for a caller.</summary>
public sealed class DefaultGuardPageTests : IAsyncLifetime
{
    private NewsSite _site = null!;
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsSite.StartAsync();
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(PageSettings.For(_emulator.BaseAddress, allowPrivateNetworks: false));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ALoopbackUrlIsRefusedWithAProblemNamingTheSetting()
    {
        using var http = _silo.CreateClient();

        using var posted = await http.PostAsJsonAsync("/api/articles", new { url = _site.UrlOf(NewsSite.Utf8Page).ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
        var problem = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Grid:Outbound:AllowPrivateNetworks", problem["detail"]!.GetValue<string>());
        Assert.Equal(0, _site.Hits(NewsSite.Utf8Page));
    }

    [Fact]
    public async Task ANameThatResolvesToLoopbackFailsTheArticleNamingTheSettingAndIsNeverFetched()
    {
        using var http = _silo.CreateClient();

        using var posted = await http.PostAsJsonAsync("/api/articles", new { url = $"http://localhost:{_site.BaseAddress.Port}{NewsSite.Utf8Page}" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var article = await http.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(1));

        Assert.Equal("failed", article["status"]!.GetValue<string>());
        var failure = article["failure"]!.GetValue<string>();
        Assert.Contains("loopback", failure);
        Assert.Contains("Grid:Outbound:AllowPrivateNetworks=true", failure);
        Assert.Equal(0, _site.Hits(NewsSite.Utf8Page));
    }
}
