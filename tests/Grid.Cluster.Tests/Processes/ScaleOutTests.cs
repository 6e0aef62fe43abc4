using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Redis;
using Grid.OllamaEmulator;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Processes;

/// <summary>
/// Scale out as operators do it: silo processes on Redis sharing two LLM servers. Mid-batch one
/// silo is killed with SIGKILL, one is stopped with SIGTERM, and a new one joins; every article
/// completes, the newcomer takes part, no finished chunk is paid for twice, and the LLM servers
/// never see more requests at once than their slots.
/// </summary>
public sealed partial class ScaleOutTests(RedisServerFixture redis, ITestOutputHelper output) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const int Articles = 50;
    private const int SlotsPerServer = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly ConcurrentQueue<string> _siloOutput = new();
    private readonly List<GridSiloProcess> _silos = [];
    private readonly string _clusterId = $"scale-{Guid.NewGuid():N}";
    private OllamaEmulatorServer _first = null!;
    private OllamaEmulatorServer _second = null!;

    public async Task InitializeAsync()
    {
        _first = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = SlotsPerServer, TokensPerSecond = 250 });
        _second = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = SlotsPerServer, TokensPerSecond = 250 });
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task ABatchSurvivesAKilledSiloAStoppedSiloAndANewSiloWithNothingLostAndNothingPaidTwice()
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
        for (var i = 1; i <= 3; i++)
            await StartSiloAsync($"silo{i}");
        var texts = SharedParagraphArticles.Generate(Articles, paragraphs: 3, sharedShare: 0, seed: 99).Select(SharedParagraphArticles.Page).ToList();
        var unique = texts.SelectMany(text => GridSettings.ChunkKeys(text)).Distinct().Count();
        using var http = _silos[0].CreateClient();
        var started = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        foreach (var text in texts)
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            ids.Add((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        await WaitForTranslationsAsync(unique / 4);
        // Finished means saved (see WorkAtRisk): what the articles show before the kill must never be asked again.
        var savedBeforeKill = await TranslatedParagraphsAsync(http, ids);
        var killedAt = DateTimeOffset.UtcNow;
        await _silos[1].KillAsync();
        var killOver = DateTimeOffset.UtcNow;
        await StartSiloAsync("silo4");

        await WaitForTranslationsAsync(unique / 2);
        var savedBeforeStop = await TranslatedParagraphsAsync(http, ids);
        var stopTook = await _silos[2].TerminateAsync(TimeSpan.FromSeconds(60));
        var stopOver = DateTimeOffset.UtcNow;

        var finished = await Task.WhenAll(ids.Select(id => http.WaitUntilFinishedAsync(id, Patience)));
        var wall = DateTimeOffset.UtcNow - started;
        var work = await Task.WhenAll(_silos.Where(silo => !silo.HasExited).Select(async silo => (silo.Address, Calls: await LlmCallsOfAsync(silo))));
        var translations = _first.Stats.TranslationRequests + _second.Stats.TranslationRequests;
        var (atRiskAtKill, atRiskAtStop) = (WorkAtRisk.Count(AllRequests(), savedBeforeKill, killOver), WorkAtRisk.Count(AllRequests(), savedBeforeStop, stopOver));
        output.WriteLine($"{Articles} articles in {wall.TotalSeconds:F1} s; {unique} unique chunks, {translations} translation calls " +
            $"({atRiskAtKill} not known saved at the SIGKILL, {atRiskAtStop} at the SIGTERM, which took {stopTook.TotalSeconds:F1} s); " +
            $"LLM calls per live silo: {string.Join(", ", work.Select(w => $"{w.Address.Port}={w.Calls}"))}; " +
            $"highest concurrency {_first.Stats.MaxConcurrent} and {_second.Stats.MaxConcurrent} of {SlotsPerServer} slots each");

        var repeated = AllRequests().Where(r => r.Kind == RequestKinds.Chat && !r.Structured).GroupBy(r => r.LastUserMessage).Where(g => g.Count() > 1).ToList();
        output.WriteLine($"outcomes: {string.Join(", ", AllRequests().GroupBy(r => r.Outcome).Select(g => $"{g.Key}={g.Count()}"))}; prompts asked more than once: {repeated.Count}");
        foreach (var group in repeated.Take(8))
            output.WriteLine("  " + string.Join(" | ", group.Select(r => $"{r.ReceivedAt:HH:mm:ss.fff} {r.Outcome} {r.DurationMilliseconds:F0}ms")) + $"  (kill {killedAt:HH:mm:ss.fff})");
        Assert.All(finished, article => Assert.Equal("completed", article["status"]!.GetValue<string>()));
        Assert.All(finished, article => Assert.All(article["paragraphs"]!.AsArray(), p => Assert.NotNull(p!["en"])));
        Assert.True(stopTook < TimeSpan.FromSeconds(30), $"SIGTERM took {stopTook} to stop the silo");
        Assert.True(work.Single(w => w.Address == _silos[3].Address).Calls > 0, "the silo that joined mid-batch did no LLM work");
        Assert.InRange(_first.Stats.MaxConcurrent, 1, SlotsPerServer);
        Assert.InRange(_second.Stats.MaxConcurrent, 1, SlotsPerServer);
        Assert.Equal(0, _first.Stats.Outcome(RequestOutcomes.Busy) + _second.Stats.Outcome(RequestOutcomes.Busy));
        Assert.True(translations <= unique + atRiskAtKill + atRiskAtStop,
            $"{translations} translation calls for {unique} unique chunks with {atRiskAtKill} + {atRiskAtStop} not known saved at the kill and the stop");
        Assert.NotEmpty(savedBeforeKill);
        Assert.DoesNotContain(AllRequests(), r => r.ReceivedAt > killedAt && WorkAtRisk.IsTranslation(r) && WorkAtRisk.Carries(r, savedBeforeKill));
    }

    private async Task StartSiloAsync(string name)
    {
        var silo = GridSiloProcess.Start(name, SiloPorts.Free(), GridSiloProcess.OutputFolder,
        [
            "--Grid:Clustering=Redis",
            "--Grid:Storage=Redis",
            $"--Grid:Redis={redis.ConnectionString}",
            $"--Grid:ClusterId={_clusterId}",
            $"--Grid:Llm:Endpoints:0:Url={_first.BaseAddress}",
            $"--Grid:Llm:Endpoints:0:Slots={SlotsPerServer}",
            $"--Grid:Llm:Endpoints:1:Url={_second.BaseAddress}",
            $"--Grid:Llm:Endpoints:1:Slots={SlotsPerServer}",
            $"--Grid:Articles:ChunkTokens={GridSettings.ChunkTokens}",
            "--Grid:Articles:WatchdogPeriod=00:00:01",
            "--Logging:LogLevel:Default=Warning",
            // The test reads 50 articles several times a second through one silo.
            "--Grid:Api:RequestsPerMinute=1000000",
        ], _siloOutput);
        _silos.Add(silo);
        // Generous: with every test project running at once, a process start can take a while.
        await silo.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
    }

    private async Task WaitForTranslationsAsync(int count)
    {
        using var cancel = new CancellationTokenSource(Patience);
        await Task.WhenAny(
            _first.WaitUntilAsync(_ => Translated() >= count, cancel.Token),
            _second.WaitUntilAsync(_ => Translated() >= count, cancel.Token));
    }

    private long Translated() =>
        AllRequests().Count(request => request.Kind == RequestKinds.Chat && !request.Structured && request.Outcome == RequestOutcomes.Ok);

    /// <summary>The Arabic of every paragraph whose English the articles already show.</summary>
    internal static async Task<List<string>> TranslatedParagraphsAsync(HttpClient http, IEnumerable<string> ids)
    {
        var translated = new List<string>();
        foreach (var id in ids)
        {
            var article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
            translated.AddRange(article["paragraphs"]!.AsArray().Where(p => p!["en"] is not null).Select(p => p!["ar"]!.GetValue<string>()));
        }
        return translated;
    }

    private IEnumerable<RequestRecord> AllRequests() => _first.Requests.Concat(_second.Requests);

    /// <summary>The LLM calls a silo made, from its own Prometheus scrape.</summary>
    internal static async Task<double> LlmCallsOfAsync(GridSiloProcess silo)
    {
        using var http = silo.CreateClient();
        var scrape = await http.GetStringAsync("/metrics");
        return OperationCount().Matches(scrape).Sum(match => double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^gen_ai_client_operation_duration_seconds_count\{[^}]*\} ([0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex OperationCount();
}
