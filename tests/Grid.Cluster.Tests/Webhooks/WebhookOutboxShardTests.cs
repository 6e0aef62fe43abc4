using Grid.Abstractions;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Webhooks;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>
/// The shards of the webhook outbox on a real silo and a SQLite file, with a real receiver that refuses deliveries
/// (503) until the test lets it accept: pending deliveries of many articles spread over the shards, and none is lost
/// when the silo restarts under another shard count or when what the single outbox kept before shards is handed over.
/// </summary>
public sealed class WebhookOutboxShardTests : IAsyncLifetime
{
    /// <summary>Well inside the test's own deadline, so that a delivery never made fails by what it waited for.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly TemporaryFolder _folder = new();
    private OllamaEmulatorServer _emulator = null!;
    private WebhookReceiver _receiver = null!;
    private volatile bool _accepting;
    private int _drained;

    public async Task InitializeAsync()
    {
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _receiver = await WebhookReceiver.StartAsync((_, _) => Task.FromResult(_accepting ? 200 : 503));
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task DeliveriesOfManyArticlesSpreadOverTheShardsAndNoneIsLostAcrossARestartUnderAnotherShardCount()
    {
        IReadOnlyList<string> ids;
        await using (var silo = await StartAsync(shards: 8))
        {
            ids = await SubmitPendingAsync(silo, Enumerable.Range(0, 24).Select(i => $"outbox-spread-{i}"));
            var byShard = await PendingByShardAsync(silo, 8);
            Assert.Equal(ids.Order(), byShard.Values.SelectMany(pending => pending).Order());
            Assert.All(byShard, shard => Assert.All(shard.Value, id => Assert.Equal(shard.Key, WebhookOutboxShards.KeyOf(id, 8))));
            Assert.True(byShard.Count(shard => shard.Value.Count > 0) >= 6, $"24 articles' deliveries are tracked in only {byShard.Count(shard => shard.Value.Count > 0)} of 8 shards");
            Assert.True(byShard.Values.Max(pending => pending.Count) <= 8, "one shard holds most of the deliveries");
        }

        await DrainRefusedAsync();
        _accepting = true;
        await using var restarted = await StartAsync(shards: 3);
        await ReceiveDeliveriesAsync(ids);
        using var http = restarted.CreateClient();
        foreach (var id in ids)
            Assert.Equal(200, (await WebhookArticles.WaitForDeliveryAsync(http, id, "delivered", Patience))["deliveries"]![0]!["lastStatus"]!.GetValue<int>());
        await PollAsync("every shard, of both counts, to be empty once everything is delivered", async () =>
            (await PendingByShardAsync(restarted, 8)).Values.Concat((await PendingByShardAsync(restarted, 3)).Values).All(pending => pending.Count == 0));
    }

    [Fact]
    public async Task WhatTheSingleOutboxKeptBeforeShardsIsHandedOverOnceAndDelivered()
    {
        string id;
        await using (var silo = await StartAsync(shards: 4))
        {
            id = Assert.Single(await SubmitPendingAsync(silo, ["outbox-before-shards"]));
            // What a silo from before shards left: the article in the single outbox's set, in no shard, no directory.
            var storage = Storage(silo);
            var legacy = new GrainState<WebhookOutboxState>(new());
            await storage.ReadStateAsync("webhook-outbox", OutboxId(silo), legacy);
            legacy.State = new WebhookOutboxState { Pending = [id] };
            await storage.WriteStateAsync("webhook-outbox", OutboxId(silo), legacy);
            var shardId = WebhookOutboxShards.Of(Grains(silo), id, 4).GetGrainId();
            var shard = new GrainState<WebhookOutboxShardState>(new());
            await storage.ReadStateAsync("webhook-outbox-shard", shardId, shard);
            Assert.Contains(id, shard.State!.Pending);
            shard.State = new WebhookOutboxShardState();
            await storage.WriteStateAsync("webhook-outbox-shard", shardId, shard);
        }

        await DrainRefusedAsync();
        _accepting = true;
        await using var restarted = await StartAsync(shards: 4);
        await ReceiveDeliveriesAsync([id]);
        using var http = restarted.CreateClient();
        await WebhookArticles.WaitForDeliveryAsync(http, id, "delivered", Patience);
        Assert.Empty(await Grains(restarted).Singleton<IWebhookOutboxGrain>().GetPendingAsync());
        // Opened again (another silo, a restart), the directory hands nothing over twice.
        Assert.Empty(await Grains(restarted).Singleton<IWebhookOutboxGrain>().OpenAsync(4));
    }

    /// <summary>Submits articles with a callback to the refusing receiver; returns once each one's delivery was refused at least once.</summary>
    private async Task<IReadOnlyList<string>> SubmitPendingAsync(GridSiloHost silo, IEnumerable<string> ids)
    {
        using var http = silo.CreateClient();
        var submitted = new List<string>();
        foreach (var id in ids)
            submitted.Add(await WebhookArticles.SubmitAcceptedAsync(http, id, _receiver.Url.ToString()));
        foreach (var id in submitted)
            await WebhookArticles.WaitForDeliveryAsync(http, id, "pending", Patience);
        await PollAsync($"the receiver to refuse {submitted.Count} deliveries", () => Task.FromResult(_receiver.Count >= submitted.Count));
        return submitted;
    }

    /// <summary>Takes the refused calls out of the receiver's queue (the silo is stopped: no more come), so the next ones are the deliveries after the restart.</summary>
    private async Task DrainRefusedAsync()
    {
        while (_drained < _receiver.Count)
        {
            await _receiver.NextAsync(Patience, "a refused call already counted");
            _drained++;
        }
    }

    /// <summary>
    /// Waits for the receiver to get every article's delivery. Only the outbox may wake the deliveries: reading an
    /// article through the API would wake its webhooks too, so nothing here asks the restarted silo about them.
    /// </summary>
    private async Task ReceiveDeliveriesAsync(IReadOnlyCollection<string> ids)
    {
        var delivered = new HashSet<string>();
        while (!delivered.IsSupersetOf(ids))
            delivered.Add((await _receiver.NextAsync(Patience, $"the deliveries of {ids.Count - delivered.Count} more articles after the restart")).Json["id"]!.GetValue<string>());
    }

    private static async Task<Dictionary<string, HashSet<string>>> PendingByShardAsync(GridSiloHost silo, int shards)
    {
        var keys = WebhookOutboxShards.All(shards).ToList();
        var pending = await Task.WhenAll(keys.Select(key => Grains(silo).GetGrain<IWebhookOutboxShardGrain>(key).GetPendingAsync()));
        return keys.Select((key, i) => (key, i)).ToDictionary(shard => shard.key, shard => pending[shard.i].ToHashSet());
    }

    private Task<GridSiloHost> StartAsync(int shards)
    {
        var settings = WebhookSettings.For(_emulator.BaseAddress, allowPrivateNetworks: true);
        settings["Grid:Storage"] = "Sqlite";
        settings["Grid:Sqlite:Path"] = _folder.File("grid.db");
        settings["Grid:Webhooks:OutboxShards"] = shards.ToString();
        settings["Grid:Webhooks:SweepPeriod"] = "00:00:01";
        return GridSiloHost.StartAsync(settings);
    }

    private static IGrainFactory Grains(GridSiloHost silo) => silo.Services.GetRequiredService<IGrainFactory>();

    private static IGrainStorage Storage(GridSiloHost silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Articles);

    private static GrainId OutboxId(GridSiloHost silo) => Grains(silo).Singleton<IWebhookOutboxGrain>().GetGrainId();

    private static Task PollAsync(string what, Func<Task<bool>> condition) => Poll.UntilAsync(what, condition, Patience);
}
