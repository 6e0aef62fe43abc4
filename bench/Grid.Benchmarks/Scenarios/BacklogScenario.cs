using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// A backlog: articles submitted to one silo whose only backend has one slot and crawls (one token a second), so
/// they queue. Measured at a tenth of the articles and at all of them: the calls a second the slot grain receives
/// (flat when each silo bounds its requests in the slot grains' lines, growing with the backlog when it does not),
/// and the memory each queued article holds (GC heap after a full collection, and working set, per article).
/// </summary>
public static class BacklogScenario
{
    private const int SubmitAtOnce = 16;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);

    /// <param name="maxQueuedPerSilo">Grid:Llm:MaxQueuedPerSilo; 0 for its default.</param>
    public static async Task<JsonObject> RunAsync(int articles, int maxQueuedPerSilo)
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = 1 });
        var calls = new SlotGrainCalls();
        IEnumerable<string> settings =
        [
            $"--Grid:Llm:Endpoints:0:Url={emulator.BaseAddress}",
            "--Grid:Llm:Endpoints:0:Slots=1",
            .. maxQueuedPerSilo > 0 ? [$"--Grid:Llm:MaxQueuedPerSilo={maxQueuedPerSilo}"] : Array.Empty<string>(),
        ];
        await using var silo = await BenchSilo.StartAsync(settings, builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(calls));
        var texts = new SyntheticArticles(seed: 23).Generate(articles, paragraphs: 3, sharedShare: 0);

        var (heapBefore, workingSetBefore) = Memory();
        var first = articles / 10;
        var submitting = Stopwatch.StartNew();
        var ids = new List<string>(await SubmitAsync(silo, texts[..first]));
        var submitTime = submitting.Elapsed;
        var atTenth = await MeasureAsync(silo, calls, ids, heapBefore, workingSetBefore);
        submitting.Restart();
        ids.AddRange(await SubmitAsync(silo, texts[first..]));
        submitTime += submitting.Elapsed;
        var atAll = await MeasureAsync(silo, calls, ids, heapBefore, workingSetBefore);

        return new JsonObject
        {
            ["scenario"] = "backlog",
            ["articles"] = articles,
            ["maxQueuedPerSilo"] = maxQueuedPerSilo > 0 ? maxQueuedPerSilo : "default",
            ["submitPerSecond"] = Math.Round(articles / submitTime.TotalSeconds, 1),
            ["atTenth"] = atTenth,
            ["atAll"] = atAll,
        };
    }

    private static async Task<IReadOnlyList<string>> SubmitAsync(BenchSilo silo, IReadOnlyList<string> texts)
    {
        var ids = new string[texts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, texts.Count), new ParallelOptions { MaxDegreeOfParallelism = SubmitAtOnce },
            async (index, _) =>
            {
                using var response = await silo.Http.PostAsync("/api/articles", new StringContent(texts[index]));
                response.EnsureSuccessStatusCode();
                ids[index] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            });
        return ids;
    }

    /// <summary>After the backlog has settled (every article dispatched): the slot grain's calls over a window, and memory per article.</summary>
    private static async Task<JsonObject> MeasureAsync(BenchSilo silo, SlotGrainCalls calls, IReadOnlyList<string> ids, long heapBefore, long workingSetBefore)
    {
        await Task.Delay(Settle);
        var (counted, wall) = (calls.Count, Stopwatch.StartNew());
        await Task.Delay(Window);
        var perSecond = (calls.Count - counted) / wall.Elapsed.TotalSeconds;
        var statuses = (await Task.WhenAll(ids.Select(id => silo.Grains.GetGrain<IArticleGrain>(id).GetProgressAsync())))
            .GroupBy(progress => progress!.Status).ToDictionary(group => group.Key.ToString().ToLowerInvariant(), group => group.Count());
        var (heap, workingSet) = Memory();
        return new JsonObject
        {
            ["queued"] = ids.Count,
            ["statuses"] = new JsonObject(statuses.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
            ["slotGrainCallsPerSecond"] = Math.Round(perSecond, 2),
            ["gcHeapBytesPerArticle"] = (heap - heapBefore) / ids.Count,
            ["workingSetBytesPerArticle"] = (workingSet - workingSetBefore) / ids.Count,
        };
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}
