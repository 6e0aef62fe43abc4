using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>A silo whose webhooks may reach loopback (the receiver here is on it), delivering to a real HTTP receiver.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(WebhookSettings.For(_emulator.BaseAddress, allowPrivateNetworks: true));
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AFinishedArticleIsPostedToItsCallbackSignedWithTheSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = _silo.CreateClient();
        var id = await WebhookArticles.SubmitAcceptedAsync(http, "webhook-signed", receiver.Url.ToString());

        var call = await receiver.NextAsync(Patience, "webhook for the finished article");

        Assert.True(call.IsSignedWith(WebhookSettings.Secret), $"the signature {call.Signature} does not verify");
        Assert.False(call.IsSignedWith("another-secret-0123456789"));
        Assert.Equal("article.completed", call.Event);
        Assert.StartsWith("application/json", call.ContentType);
        Assert.False(string.IsNullOrEmpty(call.Delivery));
        var body = call.Json;
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal("completed", body["status"]!.GetValue<string>());
        Assert.Equal(1, body["revision"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["title"]!["en"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(body["summary"]!["en"]!.GetValue<string>()));
        Assert.Equal($"/api/articles/{id}", body["links"]!["article"]!.GetValue<string>());
        Assert.Equal($"/api/articles/{id}/summary", body["links"]!["summary"]!.GetValue<string>());

        var article = await WebhookArticles.WaitForDeliveryAsync(http, id, "delivered", Patience);
        Assert.Equal("completed", article["status"]!.GetValue<string>());
        var delivery = Assert.Single(article["deliveries"]!.AsArray())!;
        Assert.Equal(call.Delivery, delivery["id"]!.GetValue<string>());
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["lastStatus"]!.GetValue<int>());
        Assert.Equal(1, receiver.Count);
    }

    [Fact]
    public async Task AReceiverThatAnswers500ThenGetsTheSameDeliveryAgainUntilItAnswers200()
    {
        await using var receiver = await WebhookReceiver.StartAsync((number, _) => Task.FromResult(number == 1 ? 500 : 200));
        using var http = _silo.CreateClient();
        var id = await WebhookArticles.SubmitAcceptedAsync(http, "webhook-retried", receiver.Url.ToString());

        var first = await receiver.NextAsync(Patience, "first attempt");
        var second = await receiver.NextAsync(Patience, "retry after the 500");

        Assert.Equal(first.Delivery, second.Delivery);
        Assert.Equal(first.Body, second.Body);
        Assert.True(second.IsSignedWith(WebhookSettings.Secret));
        var article = await WebhookArticles.WaitForDeliveryAsync(http, id, "delivered", Patience);
        var delivery = article["deliveries"]![0]!;
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, delivery["lastStatus"]!.GetValue<int>());
        Assert.Equal(2, receiver.Count);
    }
}
