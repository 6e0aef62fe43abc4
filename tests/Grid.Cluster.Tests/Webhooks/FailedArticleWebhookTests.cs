using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>A silo whose model is missing: every article fails, and its callback hears so.</summary>
public sealed class FailedArticleWebhookTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        var settings = WebhookSettings.For(_emulator.BaseAddress, allowPrivateNetworks: true);
        settings["Grid:Llm:Model"] = "absent-model:1b";
        _silo = await GridSiloHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AFailedArticleIsPostedAsArticleFailedWithItsReason()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = _silo.CreateClient();
        var id = await WebhookArticles.SubmitAcceptedAsync(http, "webhook-failed", receiver.Url.ToString());

        var call = await receiver.NextAsync(Patience, "webhook for the failed article");

        Assert.True(call.IsSignedWith(WebhookSettings.Secret));
        Assert.Equal("article.failed", call.Event);
        Assert.Equal("failed", call.Json["status"]!.GetValue<string>());
        Assert.Contains("absent-model:1b", call.Json["failure"]!.GetValue<string>());
        Assert.Equal(id, call.Json["id"]!.GetValue<string>());
    }
}
