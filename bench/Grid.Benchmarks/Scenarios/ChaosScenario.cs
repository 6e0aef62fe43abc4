using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Benchmarks.Chaos;
using Grid.Grains.Articles;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// A bad week in a few minutes: silo processes on Redis, one SIGKILLed or one added every 12 s, two
/// emulators with 20% mixed faults (stalls included), and one emulator stopped for 45 s and started
/// again on its port. Articles arrive all along; at the end every one must be complete with every
/// paragraph. Reports what the chaos cost: LLM calls per unique chunk, and how long the backlog took
/// to drain once the stopped emulator was back.
/// </summary>
public static class ChaosScenario
{
    private const string Model = "qwen2.5:7b";
    private const int ChunkTokens = 600;
    private const int SlotsPerEmulator = 2;
    private static readonly TimeSpan ChaosEvery = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan SubmitEvery = TimeSpan.FromSeconds(3);

    public static async Task<JsonObject> RunAsync(double minutes)
    {
        var duration = TimeSpan.FromMinutes(minutes);
        var outage = TimeSpan.FromSeconds(Math.Min(45, duration.TotalSeconds / 3));
        var emulators = new List<RestartableEmulator>();
        for (var seed = 42; seed < 44; seed++)
            emulators.Add(await RestartableEmulator.StartAsync(FaultyEmulator(seed)));
        await using var redis = await RedisServer.StartAsync();
        var silos = new List<SiloProcess>();
        var settings = Settings(redis.ConnectionString, emulators);
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"grid-chaos-{DateTime.UtcNow:yyyyMMdd-HHmmss}")).FullName;
        Console.Error.WriteLine($"The silos' output goes to {logs}");
        try
        {
            for (var i = 0; i < 3; i++)
                silos.Add(await SiloProcess.StartAsync(settings, logs));
            using var http = silos[0].CreateClient();
            var articles = new SyntheticArticles(seed: 13);
            var submitted = new List<(string Id, string Text, DateTimeOffset At)>();
            var (kills, joins) = (0, 0);
            DateTimeOffset? restartedAt = null;
            var clock = Stopwatch.StartNew();
            var nextChaos = ChaosEvery;
            var outageStart = duration / 3;
            while (clock.Elapsed < duration)
            {
                foreach (var text in articles.Generate(2, paragraphs: 6, sharedShare: 0.2))
                    submitted.Add((await SubmitAsync(http, text), text, DateTimeOffset.UtcNow));
                if (clock.Elapsed >= outageStart && restartedAt is null && emulators[1].IsUp)
                    await emulators[1].StopAsync();
                if (clock.Elapsed >= outageStart + outage && restartedAt is null)
                {
                    await emulators[1].StartAsync();
                    restartedAt = DateTimeOffset.UtcNow;
                }
                if (clock.Elapsed >= nextChaos)
                {
                    // Kill the newest silo but the front door, or add one: the cluster stays at two or three silos.
                    if ((kills + joins) % 2 == 0 && silos.Skip(1).LastOrDefault(silo => !silo.HasExited) is { } victim)
                    {
                        await victim.KillAsync();
                        kills++;
                    }
                    else
                    {
                        silos.Add(await SiloProcess.StartAsync(settings, logs));
                        joins++;
                    }
                    nextChaos = clock.Elapsed + ChaosEvery;
                }
                await Task.Delay(SubmitEvery);
            }
            if (restartedAt is null)
            {
                await emulators[1].StartAsync();
                restartedAt = DateTimeOffset.UtcNow;
            }

            var finishedAt = await WaitAllFinishedAsync(http, submitted.Select(s => s.Id).ToList(), TimeSpan.FromMinutes(20));
            var final = await Task.WhenAll(submitted.Select(s => http.GetFromJsonAsync<JsonObject>($"/api/articles/{s.Id}")));
            var unique = submitted.SelectMany(s => ArticleDraft.Create(new ArticleSubmission(s.Text), new ArticleOptions { ChunkTokens = ChunkTokens }, Model).State!.Plan!.Work().Select(w => w.Key)).Distinct().Count();
            var waitingAtRestart = submitted.Where(s => s.At <= restartedAt && finishedAt[s.Id] > restartedAt).ToList();
            var translations = emulators.Sum(e => e.TranslationRequests);
            return new JsonObject
            {
                ["scenario"] = "chaos",
                ["minutes"] = minutes,
                ["articles"] = submitted.Count,
                ["completedInFull"] = final.Count(a => a!["status"]!.GetValue<string>() == "completed" && a["missingParagraphs"]!.GetValue<int>() == 0),
                ["missingParagraphs"] = final.Sum(a => a!["missingParagraphs"]!.GetValue<int>()),
                ["kills"] = kills,
                ["joins"] = joins,
                ["outageSeconds"] = outage.TotalSeconds,
                ["faultsServed"] = new JsonObject([.. Faults.Select(outcome => KeyValuePair.Create(outcome, (JsonNode?)emulators.Sum(e => e.Outcome(outcome))))]),
                ["llmCalls"] = emulators.Sum(e => e.Kind(RequestKinds.Chat)),
                ["uniqueChunks"] = unique,
                ["translationCalls"] = translations,
                ["llmCallsPerUniqueChunk"] = Math.Round((double)translations / unique, 3),
                ["articlesWaitingAtRestart"] = waitingAtRestart.Count,
                ["secondsToDrainAfterOutage"] = waitingAtRestart.Count == 0 ? 0 : Math.Round((waitingAtRestart.Max(s => finishedAt[s.Id]) - restartedAt.Value).TotalSeconds, 1),
                ["wallSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
                ["maxConcurrentPerEndpoint"] = new JsonArray([.. emulators.Select(e => (JsonNode)e.MaxConcurrent)]),
                ["maxQueuedPerEndpoint"] = new JsonArray([.. emulators.Select(e => (JsonNode)e.MaxQueued)]),
                ["slotsPerEndpoint"] = SlotsPerEmulator,
            };
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
            foreach (var emulator in emulators)
                await emulator.DisposeAsync();
        }
    }

    private static readonly string[] Faults =
        [RequestOutcomes.FaultStall, RequestOutcomes.FaultBusy, RequestOutcomes.FaultMidstreamError, RequestOutcomes.FaultTruncate, RequestOutcomes.FaultPreamble];

    /// <summary>
    /// Submits as a patient client does: a 503 (the silo behind the call was just killed, or the article could
    /// not be stored) is asked again after its Retry-After, a few times; the same text is the same article.
    /// </summary>
    private static async Task<string> SubmitAsync(HttpClient http, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(text, Encoding.UTF8, "text/plain"));
            if (posted.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && attempt < 30)
            {
                await Task.Delay(posted.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            if (!posted.IsSuccessStatusCode)
                throw new InvalidOperationException($"POST /api/articles answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            return (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }
    }

    /// <summary>When each article was first seen finished; a read that meets a silo just killed (5xx) is asked again next round.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> WaitAllFinishedAsync(HttpClient http, IReadOnlyList<string> ids, TimeSpan timeout)
    {
        var finished = new Dictionary<string, DateTimeOffset>();
        using var cancel = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (finished.Count < ids.Count && await tick.WaitForNextTickAsync(cancel.Token))
        {
            foreach (var id in ids.Where(id => !finished.ContainsKey(id)))
            {
                using var answer = await http.GetAsync($"/api/articles/{id}", cancel.Token);
                if (answer.IsSuccessStatusCode && (await answer.Content.ReadFromJsonAsync<JsonObject>(cancel.Token))!["status"]!.GetValue<string>() is "completed" or "failed")
                    finished[id] = DateTimeOffset.UtcNow;
            }
        }
        return finished;
    }

    private static IReadOnlyList<string> Settings(string redis, IReadOnlyList<RestartableEmulator> emulators) =>
    [
        "--Grid:Clustering=Redis",
        "--Grid:Storage=Redis",
        $"--Grid:Redis={redis}",
        $"--Grid:ClusterId=chaos-{Guid.NewGuid():N}",
        .. emulators.SelectMany((e, i) => new[] { $"--Grid:Llm:Endpoints:{i}:Url={e.BaseAddress}", $"--Grid:Llm:Endpoints:{i}:Slots={e.Slots}" }),
        $"--Grid:Llm:Model={Model}",
        $"--Grid:Articles:ChunkTokens={ChunkTokens}",
        "--Grid:Articles:WatchdogPeriod=00:00:02",
        "--Grid:Llm:StreamIdleTimeout=00:00:02",
        "--Grid:Llm:FirstTokenTimeout=00:00:05",
        "--Grid:Llm:RequestTimeout=00:00:30",
        // About 15% of answers spend an attempt (stall, mid-stream error, truncation, unrepaired preamble); 12 in a row never fail.
        "--Grid:Llm:MaxAttempts=12",
        "--Grid:Llm:MaxRetryDelay=00:00:01",
        "--Grid:Llm:CircuitBreakTime=00:00:00.500",
        "--Grid:Llm:CircuitMaxBreakTime=00:00:02",
        "--Grid:Llm:CheckPeriod=00:00:02",
        "--Logging:LogLevel:Default=Warning",
        "--Grid:Api:RequestsPerMinute=0",
    ];

    /// <summary>20% of requests meet a fault: 5% stall mid-answer, 5% busy, 4% an error line mid-stream, 3% truncated, 3% a preamble.</summary>
    private static EmulatorOptions FaultyEmulator(int seed) => new()
    {
        Slots = SlotsPerEmulator,
        TokensPerSecond = 400,
        Seed = seed,
        FaultStall = 0.05,
        FaultBusy = 0.05,
        FaultMidstreamError = 0.04,
        FaultTruncate = 0.03,
        FaultPreamble = 0.03,
    };
}
