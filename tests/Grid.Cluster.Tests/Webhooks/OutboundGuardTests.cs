using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>A silo with the default guard: callbacks to this machine or the cloud's metadata service are never sent.</summary>
public sealed class OutboundGuardTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(WebhookSettings.For(_emulator.BaseAddress, allowPrivateNetworks: false));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hook", "guard-loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "guard-metadata")]
    public async Task ACallbackToLoopbackOrMetadataIsRefusedAtSubmissionNamingTheSetting(string callback, string id)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = _silo.CreateClient();

        using var posted = await WebhookArticles.SubmitAsync(http, id, callback.Replace("{port}", receiver.Url.Port.ToString()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
        var problem = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Grid:Outbound:AllowPrivateNetworks", problem["detail"]!.GetValue<string>());
        using var article = await http.GetAsync($"/api/articles/{id}");
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
        Assert.Equal(0, receiver.Count);
    }

    [Fact]
    public async Task ACallbackWhoseNameResolvesToLoopbackIsGivenUpAtDeliveryWithTheReason()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = _silo.CreateClient();
        var id = await WebhookArticles.SubmitAcceptedAsync(http, "guard-by-name", $"http://localhost:{receiver.Url.Port}/hook");

        var article = await WebhookArticles.WaitForDeliveryAsync(http, id, "givenUp", Patience);

        Assert.Equal("completed", article["status"]!.GetValue<string>());
        var delivery = article["deliveries"]![0]!;
        var reason = delivery["lastError"]!.GetValue<string>();
        Assert.Contains("loopback", reason);
        Assert.Contains("Grid:Outbound:AllowPrivateNetworks=true", reason);
        Assert.Null(delivery["lastStatus"]?.GetValue<int>());
        Assert.Equal(0, receiver.Count);
    }

    [Fact]
    public async Task ACallbackThatIsNotHttpIsRefusedAtSubmission()
    {
        using var http = _silo.CreateClient();

        using var posted = await WebhookArticles.SubmitAsync(http, "guard-scheme", "file:///etc/passwd");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("http or https", (await posted.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
