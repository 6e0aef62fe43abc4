using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Outages;

/// <summary>
/// The only backend down when articles come, or stopped in the middle of a batch and started again on
/// the same port: the work waits, says so, and completes when the backend is back, without a resubmission.
/// </summary>
public sealed class BackendOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly EmulatorOptions Backend = new() { Slots = 2, TokensPerSecond = 400 };

    [Fact]
    public async Task ArticlesSubmittedWhileTheOnlyBackendIsDownSayTheyWaitAndWhyThenCompleteWhenItComesUp()
    {
        var port = LoopbackPorts.Free();
        await using var silo = await GridSiloHost.StartAsync(OutageSettings.For(port));
        using var http = silo.CreateClient();

        var ids = await OutageArticles.SubmitAsync(http, count: 4);
        foreach (var id in ids)
        {
            var waiting = await http.ReadUntilAsync(id, article => article["waitingForBackend"] is JsonObject || OutageArticles.IsFinished(article), "waiting for a backend", Patience);
            Assert.Contains(waiting["status"]!.GetValue<string>(), new[] { "queued", "translating" });
            Assert.Equal(0, waiting["progress"]!["chunksDone"]!.GetValue<int>());
            Assert.Contains($"127.0.0.1:{port}", waiting["waitingForBackend"]!["reason"]!.GetValue<string>());
            Assert.True(waiting["waitingForBackend"]!["since"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow);
        }

        await using var backend = await OllamaEmulatorServer.StartAsync(Backend, port);
        foreach (var id in ids)
            OutageArticles.AssertFullyTranslated(await http.ReadUntilAsync(id, OutageArticles.IsFinished, "finished", Patience));
    }

    [Fact]
    public async Task ABackendStoppedMidBatchAndStartedAgainOnItsPortLeavesEveryArticleCompleteWithoutAResubmission()
    {
        var port = LoopbackPorts.Free();
        var backend = await OllamaEmulatorServer.StartAsync(Backend, port);
        await using var silo = await GridSiloHost.StartAsync(OutageSettings.For(port));
        using var http = silo.CreateClient();
        using var patience = new CancellationTokenSource(Patience);

        var ids = await OutageArticles.SubmitAsync(http, count: 6);
        await backend.WaitUntilAsync(stats => stats.TranslationRequests >= 3, patience.Token);
        await backend.DisposeAsync();
        var whileDown = await Task.WhenAll(ids.Select(id => http.ReadUntilAsync(
            id, article => article["waitingForBackend"] is JsonObject || OutageArticles.IsFinished(article), "waiting for a backend, or finished", Patience)));
        Assert.Contains(whileDown, article => article["waitingForBackend"] is JsonObject && !OutageArticles.IsFinished(article));

        await using var restarted = await OllamaEmulatorServer.StartAsync(Backend, port, patience.Token);
        foreach (var id in ids)
            OutageArticles.AssertFullyTranslated(await http.ReadUntilAsync(id, OutageArticles.IsFinished, "finished", Patience));
        Assert.True(restarted.Stats.TranslationRequests > 0);
    }

    [Fact]
    public async Task BusyAnswersSpendNoAttemptAndTheArticleCompletesOnceTheBackendTakesWork()
    {
        var port = LoopbackPorts.Free();
        await using var backend = await OllamaEmulatorServer.StartAsync(Backend, port);
        backend.UpdateSettings(settings => settings with { FaultBusy = 1 });
        // The circuit stays closed, so that every ask meets the busy backend.
        await using var silo = await GridSiloHost.StartAsync(OutageSettings.For(port, new Dictionary<string, string?> { ["Grid:Llm:CircuitFailures"] = "1000" }));
        using var http = silo.CreateClient();
        using var patience = new CancellationTokenSource(Patience);

        var id = (await OutageArticles.SubmitAsync(http, count: 1)).Single();
        // The article's first call (its glossary) alone meets far more "busy" answers than it has attempts (Grid:Llm:MaxAttempts, 3).
        await backend.WaitUntilAsync(stats => stats.Outcome(RequestOutcomes.FaultBusy) > 10, patience.Token);
        var waiting = await http.ReadUntilAsync(id, article => article["waitingForBackend"] is JsonObject || OutageArticles.IsFinished(article), "waiting for a backend", Patience);
        Assert.Equal("queued", waiting["status"]!.GetValue<string>());
        Assert.Contains("503", waiting["waitingForBackend"]!["reason"]!.GetValue<string>());
        backend.UpdateSettings(settings => settings with { FaultBusy = 0 });

        var finished = await http.ReadUntilAsync(id, OutageArticles.IsFinished, "finished", Patience);
        OutageArticles.AssertFullyTranslated(finished);
        Assert.DoesNotContain(finished["warnings"]!.AsArray(), warning => ((string?)warning)!.Contains("glossary", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnArticleThatGaveUpWaitingAfterGiveUpAfterIsRedrivenWhenTheBackendComesBackWithoutAResubmission()
    {
        var port = LoopbackPorts.Free();
        await using var silo = await GridSiloHost.StartAsync(OutageSettings.For(port, new Dictionary<string, string?> { ["Grid:Llm:GiveUpAfter"] = "00:00:02" }));
        using var http = silo.CreateClient();

        var id = (await OutageArticles.SubmitAsync(http, count: 1)).Single();
        var gaveUp = await http.ReadUntilAsync(id, OutageArticles.IsFinished, "finished", Patience);
        Assert.Equal("failed", gaveUp["status"]!.GetValue<string>());
        Assert.Contains("Grid:Llm:GiveUpAfter", gaveUp["failure"]!.GetValue<string>());
        Assert.True(gaveUp["missingParagraphs"]!.GetValue<int>() > 0);

        await using var backend = await OllamaEmulatorServer.StartAsync(Backend, port);
        OutageArticles.AssertFullyTranslated(await http.ReadUntilAsync(id, article => article["status"]!.GetValue<string>() == "completed", "completed", Patience));
    }
}
