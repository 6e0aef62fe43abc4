using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Client.Http;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Cli;
using Grid.Cluster.Tests.Durability;
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

    [Fact]
    public async Task TheGridCommandSubmitsWithACallbackUrl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("article.txt"), GeneratedArticle.FromSeed(1661).Text);

        var submitted = await GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--wait", "--json", "--callback-url", receiver.Url.ToString(), "--url", _silo.Address.ToString());

        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var id = JsonNode.Parse(submitted.Output)!.AsArray().Single()!["id"]!.GetValue<string>();
        var call = await receiver.NextAsync(Patience, "webhook of the article grid submitted");
        Assert.Equal(id, call.Json["id"]!.GetValue<string>());
        Assert.True(call.IsSignedWith(WebhookSettings.Secret));
    }

    [Fact]
    public async Task TheHttpClientCarriesTheCallbackAndShowsTheDeliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var grid = new GridHttpClient(_silo.CreateClient());

        var receipt = await grid.SubmitAsync(new ArticleSubmission(GeneratedArticle.FromSeed(1662).Text, CallbackUrl: receiver.Url.ToString()));
        var call = await receiver.NextAsync(Patience, "webhook of the article the client submitted");

        Assert.Equal(receipt.Id, call.Json["id"]!.GetValue<string>());
        using var cancel = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        ArticleView? view;
        while ((view = await grid.GetAsync(receipt.Id!, cancel.Token))?.Deliveries is not [{ State: DeliveryState.Delivered }])
            await tick.WaitForNextTickAsync(cancel.Token);
        Assert.Equal(call.Delivery, view!.Deliveries.Single().Id);
        Assert.Equal(receiver.Url.ToString(), view.Deliveries.Single().Url);
    }

    [Fact]
    public async Task TheSameTextDeletedAndSubmittedAgainIsANewDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = _silo.CreateClient();
        var id = await WebhookArticles.SubmitAcceptedAsync(http, "webhook-again", receiver.Url.ToString());
        var first = await receiver.NextAsync(Patience, "webhook of the first submission");
        await WebhookArticles.WaitForDeliveryAsync(http, id, "delivered", Patience);

        using (var deleted = await http.DeleteAsync($"/api/articles/{id}"))
            Assert.True(deleted.IsSuccessStatusCode);
        await WebhookArticles.SubmitAcceptedAsync(http, id, receiver.Url.ToString());
        var second = await receiver.NextAsync(Patience, "webhook of the second submission");

        Assert.NotEqual(first.Delivery, second.Delivery);
        Assert.Equal(id, second.Json["id"]!.GetValue<string>());
    }
}
