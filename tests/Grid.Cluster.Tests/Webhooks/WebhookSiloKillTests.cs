using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Processes;
using Grid.OllamaEmulator;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>
/// A silo process on its SQLite file is SIGKILLed after the article finished and while its webhook is
/// on the wire, unanswered. Started again on the same file, it sends the same delivery; nobody resubmits.
/// </summary>
public sealed class WebhookSiloKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<string> _siloOutput = new();
    private readonly TemporaryFolder _folder = new();
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloProcess? _silo;

    public async Task InitializeAsync() =>
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }

    // Starts a silo process, kills or stops it and starts it again: each step may take its patience under load.
    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task ASiloKilledBetweenTheArticlesEndAndItsDeliveryDeliversAfterRestart()
    {
        try
        {
            await KillBeforeTheDeliveryIsAnsweredAsync();
        }
        catch
        {
            output.WriteLine("Silo process output:");
            foreach (var line in _siloOutput)
                output.WriteLine(line);
            throw;
        }
    }

    private async Task KillBeforeTheDeliveryIsAnsweredAsync()
    {
        // The first call is held open until the silo's end aborts it: the delivery is never answered before the kill.
        await using var receiver = await WebhookReceiver.StartAsync(async (number, context) =>
        {
            if (number == 1)
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return 200;
        });

        _silo = StartSilo("run 1", SiloPorts.Free());
        await _silo.WaitUntilHealthyAsync(Patience);
        string id;
        using (var http = _silo.CreateClient())
        {
            id = await WebhookArticles.SubmitAcceptedAsync(http, "webhook-after-kill", receiver.Url.ToString());
            var held = await receiver.NextAsync(Patience, "first attempt");
            var article = await http.WaitUntilFinishedAsync(id, Patience);
            Assert.Equal("completed", article["status"]!.GetValue<string>());
            var pending = article["deliveries"]![0]!;
            Assert.Equal("pending", pending["state"]!.GetValue<string>());
            Assert.Equal(0, pending["attempts"]!.GetValue<int>());
            Assert.Equal(held.Delivery, pending["id"]!.GetValue<string>());
        }

        await _silo.KillAsync();
        await _silo.DisposeAsync();
        _silo = StartSilo("run 2", SiloPorts.Free());
        await _silo.WaitUntilHealthyAsync(Patience);

        var delivered = await receiver.NextAsync(Patience, "delivery after the restart");
        Assert.True(delivered.IsSignedWith(WebhookSettings.Secret));
        Assert.Equal("article.completed", delivered.Event);
        Assert.Equal(id, delivered.Json["id"]!.GetValue<string>());
        using (var http = _silo.CreateClient())
        {
            var article = await WebhookArticles.WaitForDeliveryAsync(http, id, "delivered", Patience);
            Assert.Equal("completed", article["status"]!.GetValue<string>());
            var delivery = Assert.Single(article["deliveries"]!.AsArray())!;
            Assert.Equal(delivered.Delivery, delivery["id"]!.GetValue<string>());
            Assert.Equal(200, delivery["lastStatus"]!.GetValue<int>());
        }
        Assert.Equal(2, receiver.Count);
    }

    private GridSiloProcess StartSilo(string name, SiloPorts ports) => GridSiloProcess.Start(name, ports, GridSiloProcess.OutputFolder,
    [
        $"--Grid:Sqlite:Path={_folder.File("grid.db")}",
        $"--Grid:Llm:Endpoints:0:Url={_emulator.BaseAddress}",
        $"--Grid:Articles:ChunkTokens={GridSettings.ChunkTokens}",
        "--Grid:Articles:WatchdogPeriod=00:00:01",
        $"--Grid:Webhooks:Secret={WebhookSettings.Secret}",
        // Long enough that the held first attempt is still waiting when the silo is killed.
        "--Grid:Webhooks:Timeout=00:05:00",
        "--Grid:Webhooks:RetryAfter=00:00:00.200",
        "--Grid:Outbound:AllowPrivateNetworks=true",
        "--Logging:LogLevel:Orleans=Warning",
    ], _siloOutput);
}
