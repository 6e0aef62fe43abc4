using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Chaos;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Processes;
using Grid.OllamaEmulator;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Postgres;

/// <summary>
/// A cluster as operators run it on PostgreSQL: three silo processes whose membership, grain state and reminders are
/// in one database, started by the test. Mid-batch one silo is killed with SIGKILL; every article completes on the
/// other two, and no chunk whose translation was saved before the kill is paid for again.
/// </summary>
public sealed class PostgresSiloKillTests(PostgresServerFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private const int Articles = 30;
    private const int Slots = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly ConcurrentQueue<string> _siloOutput = new();
    private readonly List<GridSiloProcess> _silos = [];
    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = Slots, TokensPerSecond = 250 });

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task ThreeSiloProcessesOnPostgresFinishEveryArticleAfterOneIsKilledMidBatchAndPayForNothingTwice()
    {
        try
        {
            await RunAsync();
        }
        catch
        {
            foreach (var line in _siloOutput.TakeLast(300))
                output.WriteLine(line);
            throw;
        }
    }

    private async Task RunAsync()
    {
        var database = await postgres.CreateDatabaseAsync("silo_kill");
        var clusterId = $"pg-kill-{Guid.NewGuid():N}"[..20];
        for (var i = 1; i <= 3; i++)
            await StartSiloAsync($"silo{i}", database, clusterId);
        var texts = SharedParagraphArticles.Generate(Articles, paragraphs: 3, sharedShare: 0, seed: 177).Select(SharedParagraphArticles.Page).ToList();
        var unique = texts.SelectMany(text => GridSettings.ChunkKeys(text)).Distinct().Count();
        using var http = _silos[0].CreateClient();
        var ids = new List<string>();
        foreach (var text in texts)
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
            ids.Add((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        using (var midBatch = new CancellationTokenSource(Patience))
            await _emulator.WaitUntilAsync(stats => stats.TranslationRequests >= unique / 3, midBatch.Token);
        var victim = _silos[2];
        var victimCalls = await ScaleOutTests.LlmCallsOfAsync(victim);
        // Finished means saved (see WorkAtRisk): what the articles show before the kill must never be asked again.
        var savedBeforeKill = await ScaleOutTests.TranslatedParagraphsAsync(http, ids);
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        var killOver = DateTimeOffset.UtcNow;

        // A read that meets the dead silo before the cluster has declared it dead is 503: asked again, as a patient client does.
        var reader = new TolerantArticleReader(http);
        var finished = await Task.WhenAll(ids.Select(id => reader.ReadUntilAsync(id, article => article["status"]!.GetValue<string>() is "completed" or "failed", Patience)));
        var wall = DateTimeOffset.UtcNow - killedAt;
        var translations = _emulator.Stats.TranslationRequests;
        var atRisk = WorkAtRisk.Count(_emulator.Requests, savedBeforeKill, killOver);
        output.WriteLine($"{Articles} articles, {unique} unique chunks, {translations} translation calls; the killed silo had made {victimCalls} LLM calls; " +
            $"{savedBeforeKill.Count} paragraphs saved and {atRisk} requests not known saved at the kill; all finished {wall.TotalSeconds:F1} s after it; " +
            $"reads answered 503 while the cluster noticed: {reader.Unavailable}");

        Assert.All(finished, article => Assert.Equal("completed", article["status"]!.GetValue<string>()));
        Assert.All(finished, article => Assert.All(article["paragraphs"]!.AsArray(), paragraph => Assert.NotNull(paragraph!["en"])));
        Assert.True(victimCalls > 0, "the killed silo had done no LLM work: it held nothing to lose");
        Assert.NotEmpty(savedBeforeKill);
        Assert.True(translations <= unique + atRisk, $"{translations} translation calls for {unique} unique chunks with {atRisk} not known saved at the kill");
        Assert.DoesNotContain(_emulator.Requests, request => request.ReceivedAt > killOver && WorkAtRisk.IsTranslation(request) && WorkAtRisk.Carries(request, savedBeforeKill));
    }

    private async Task StartSiloAsync(string name, string database, string clusterId)
    {
        var silo = GridSiloProcess.Start(name, SiloPorts.Free(), GridSiloProcess.OutputFolder,
        [
            "--Grid:Clustering=Postgres",
            "--Grid:Storage=Postgres",
            $"--Grid:Postgres={database}",
            $"--Grid:ClusterId={clusterId}",
            $"--Grid:Llm:Endpoints:0:Url={_emulator.BaseAddress}",
            $"--Grid:Llm:Endpoints:0:Slots={Slots}",
            $"--Grid:Articles:ChunkTokens={GridSettings.ChunkTokens}",
            "--Grid:Articles:WatchdogPeriod=00:00:01",
            "--Logging:LogLevel:Default=Warning",
            // The test reads 30 articles several times a second through one silo.
            "--Grid:Api:RequestsPerMinute=1000000",
        ], _siloOutput);
        _silos.Add(silo);
        // Generous: with every test project running at once, a process start can take a while.
        await silo.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
    }
}
