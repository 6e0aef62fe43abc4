using System.Diagnostics;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Text;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// Does Grid keep every LLM slot busy and none overloaded? E emulators of S slots at a token rate,
/// M articles through a cluster of K silos. Efficiency is the ideal time (the LLM busy time spread
/// over every slot) against the wall time; each emulator's highest concurrency must stay at its
/// slots. With faults on, it also counts what was retried, what could not be repaired, and
/// checks that no preamble or untranslated Arabic reached a reader.
/// </summary>
public static class SaturationScenario
{
    private const string Model = "qwen2.5:7b";
    private const int ChunkTokens = 600;

    public static async Task<JsonObject> RunAsync(Setup setup)
    {
        var texts = new SyntheticArticles(seed: 7).Generate(setup.Articles, paragraphs: 8, sharedShare: 0);
        var work = texts.Sum(text => ArticleDraft.Create(new ArticleSubmission(text), new ArticleOptions { ChunkTokens = ChunkTokens }, Model).State!.Plan!.Work().Count);

        var emulators = new List<OllamaEmulatorServer>();
        for (var i = 0; i < setup.Endpoints; i++)
            emulators.Add(await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = setup.Slots, TokensPerSecond = setup.TokensPerSecond, Seed = 42 + i }));
        try
        {
            IEnumerable<string> settings =
            [
                .. emulators.SelectMany((emulator, i) => new[] { $"--Grid:Llm:Endpoints:{i}:Url={emulator.BaseAddress}", $"--Grid:Llm:Endpoints:{i}:Slots={setup.Slots}" }),
                $"--Grid:Articles:ChunkTokens={ChunkTokens}",
            ];
            await using var cluster = await BenchCluster.StartAsync(setup.Silos, settings);
            await cluster.WarmUpAsync(new SyntheticArticles(seed: 99).Generate(setup.Silos, paragraphs: 2, sharedShare: 0));
            foreach (var emulator in emulators)
            {
                emulator.ResetStats();
                if (setup.Faults)
                    emulator.UpdateSettings(s => s with { FaultBusy = 0.10, FaultMidstreamError = 0.05, FaultPreamble = 0.10, FaultUntranslated = 0.05, FaultTruncate = 0.05 });
            }

            var wall = Stopwatch.StartNew();
            var ids = await Task.WhenAll(texts.Select(cluster.SubmitAsync));
            var submitted = wall.Elapsed;
            var articles = await cluster.WaitAllAsync(ids, TimeSpan.FromMinutes(20));
            wall.Stop();

            var end = DateTimeOffset.UtcNow;
            var stats = emulators.Select(emulator => emulator.Stats).ToList();
            var llmCalls = stats.SelectMany(s => s.Recent).Where(request => request.Kind == RequestKinds.Chat).ToList();
            var start = end - wall.Elapsed;
            var busy = TimeSpan.FromMilliseconds(stats.Sum(s => s.BusyMilliseconds));
            var ideal = busy / (setup.Endpoints * setup.Slots);
            var requests = stats.Sum(s => s.Kind(RequestKinds.Chat));
            var llmWork = work + articles.Count(article => article.Status == ArticleStatus.Completed);
            var result = new JsonObject
            {
                ["scenario"] = setup.Faults ? "faults" : "saturation",
                ["endpoints"] = setup.Endpoints,
                ["slotsPerEndpoint"] = setup.Slots,
                ["tokensPerSecond"] = setup.TokensPerSecond,
                ["silos"] = setup.Silos,
                ["articles"] = setup.Articles,
                ["chunks"] = work,
                ["completedArticles"] = articles.Count(article => article.Status == ArticleStatus.Completed),
                ["llmRequests"] = requests,
                ["wallSeconds"] = Seconds(wall.Elapsed),
                ["llmBusySeconds"] = Seconds(busy),
                ["idealSeconds"] = Seconds(ideal),
                ["efficiency"] = Math.Round(ideal / wall.Elapsed, 3),
                ["secondsToSubmitAll"] = Seconds(submitted),
                ["secondsToFirstLlmRequest"] = Seconds(llmCalls.Min(request => request.ReceivedAt) - start),
                ["secondsAfterLastLlmAnswer"] = Seconds(end - llmCalls.Max(request => request.ReceivedAt.AddMilliseconds(request.DurationMilliseconds))),
                ["maxConcurrentPerEndpoint"] = new JsonArray([.. stats.Select(s => (JsonNode)s.MaxConcurrent)]),
                ["maxQueuedPerEndpoint"] = new JsonArray([.. stats.Select(s => (JsonNode)s.MaxQueued)]),
                ["queueFull503s"] = stats.Sum(s => s.Outcome(RequestOutcomes.Busy)),
                ["perArticle"] = BenchCounters.Shared.PerArticle(setup.Articles),
            };
            if (setup.Faults)
            {
                var paragraphs = articles.SelectMany(article => article.Paragraphs).ToList();
                result["retries"] = requests - llmWork;
                result["faultsInjected"] = new JsonObject([.. new[] { RequestOutcomes.FaultBusy, RequestOutcomes.FaultMidstreamError, RequestOutcomes.FaultPreamble, RequestOutcomes.FaultUntranslated, RequestOutcomes.FaultTruncate }
                    .Select(outcome => KeyValuePair.Create(outcome, (JsonNode?)stats.Sum(s => s.Outcome(outcome))))]);
                var warnings = articles.SelectMany(article => article.Warnings).ToList();
                result["repairedChunks"] = warnings.Count(warning => !warning.Contains(": not translated: ", StringComparison.Ordinal) && !warning.StartsWith("The summary", StringComparison.Ordinal));
                result["flaggedChunks"] = warnings.Count(warning => warning.Contains(": not translated: ", StringComparison.Ordinal));
                result["flaggedSummaries"] = warnings.Count(warning => warning.StartsWith("The summary", StringComparison.Ordinal));
                result["untranslatedParagraphs"] = paragraphs.Count(p => p.En is null);
                result["englishWithPreamble"] = paragraphs.Count(p => p.En is { } en && en.StartsWith("Here is", StringComparison.OrdinalIgnoreCase));
                result["englishMostlyArabic"] = paragraphs.Count(p => p.En is { } en && ArabicScript.ArabicLetterRatio(en) > 0.5);
                return result;
            }

            await using var sequential = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = setup.TokensPerSecond });
            var loop = await DirectLoop.RunAsync([sequential.BaseAddress], Model, texts, ChunkTokens);
            result["sequentialSeconds"] = Seconds(loop);
            result["speedup"] = Math.Round(loop / wall.Elapsed, 2);
            result["totalSlots"] = setup.Endpoints * setup.Slots;
            return result;
        }
        finally
        {
            foreach (var emulator in emulators)
                await emulator.DisposeAsync();
        }
    }

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 2);

    /// <param name="Faults">Turn on the emulators' faults: 10% busy, 5% mid-stream errors, 10% preambles, 5% untranslated, 5% truncated.</param>
    public sealed record Setup(int Endpoints, int Slots, double TokensPerSecond, int Articles, int Silos, bool Faults);
}
