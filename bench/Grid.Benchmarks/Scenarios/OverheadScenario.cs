using System.Diagnostics;
using System.Runtime;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// What Grid itself costs: emulators that answer at once, so every second and every CPU millisecond
/// is Grid's or the emulators'. Grid's run is the measured work; the baseline is the very chat requests
/// Grid sent (recorded by the emulators: translations, glossaries, summaries, their messages, options and
/// streaming), replayed through OllamaSharp at the same parallelism (every endpoint's slots) in the same
/// process with the same emulators. The difference in CPU time per LLM call is Grid's overhead alone.
/// The earlier baseline (a loop of its own that translates the same articles and summarizes them, unstreamed,
/// without the glossary calls) is still reported, as <c>articleLoop…</c>.
/// Both runs are measured warm. Right after start most of a silo's code runs unoptimized (tier 0) while the JIT
/// compiles it again, and with the cores busy that takes many batches: the first 100 articles cost three to five
/// times the CPU per call a silo settles at, in slow code and in the JIT's work. So batches of fresh articles go through first
/// until the JIT's share of a batch's CPU is small (<see cref="SteadyState"/>), and the replay runs once unmeasured.
/// The first batch's figure (what this scenario measured before) is reported as <c>cold…</c>.
/// </summary>
public static class OverheadScenario
{
    private const string Model = "qwen2.5:7b";
    private const int ChunkTokens = 600;
    private const string SlotGrain = "ILlmSlotGrain";

    public static async Task<JsonObject> RunAsync(int articles, int silos, int endpoints, int slots)
    {
        var texts = new SyntheticArticles(seed: 11).Generate(articles, paragraphs: 8, sharedShare: 0);
        var emulators = new List<OllamaEmulatorServer>();
        for (var i = 0; i < endpoints; i++)
            emulators.Add(await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = slots, TokensPerSecond = 0 }));
        try
        {
            var (grid, warmUp) = await ThroughGridAsync(texts, silos, emulators, slots);

            // The emulators record during the replay too, so that they do the same work in both runs.
            var replay = await MeasureWarmAsync(emulators, () => DirectLoop.ReplayAsync(grid.Requests, slots));
            var articleLoop = await MeasureWarmAsync(emulators, () => DirectLoop.RunAsync([.. emulators.Select(e => e.BaseAddress)], Model, texts, ChunkTokens, parallelism: endpoints * slots));
            var grainCalls = BenchCounters.Shared.GrainCalls.ToList();

            return new JsonObject
            {
                ["scenario"] = "overhead",
                ["baseline"] = "Grid's own chat requests replayed through OllamaSharp at the same parallelism (articleLoop: the earlier baseline, a loop of translations and unstreamed summaries, no glossary calls)",
                ["endpoints"] = endpoints,
                ["slotsPerEndpoint"] = slots,
                ["silos"] = silos,
                ["articles"] = articles,
                ["llmCalls"] = grid.Calls,
                ["gridCallsPerSecond"] = grid.PerSecond,
                ["replayCalls"] = replay.Calls,
                ["replayCallsPerSecond"] = replay.PerSecond,
                ["gridCpuMsPerCall"] = grid.CpuMsPerCall,
                ["replayCpuMsPerCall"] = replay.CpuMsPerCall,
                ["gridOverheadCpuMsPerCall"] = Math.Round(grid.CpuMsPerCall - replay.CpuMsPerCall, 2),
                // The JIT's CPU inside the measured run: what is left of the warm-up.
                ["gridJitMsPerCall"] = grid.JitMsPerCall,
                ["warmUpBatches"] = warmUp.Batches.Count,
                ["warmUpCpuMsPerCallByBatch"] = new JsonArray([.. warmUp.Batches.Select(batch => (JsonNode?)batch.CpuMsPerCall)]),
                ["warmUpJitMsPerCallByBatch"] = new JsonArray([.. warmUp.Batches.Select(batch => (JsonNode?)batch.JitMsPerCall)]),
                // The first batch after start, as this scenario measured before it warmed up: Grid's CPU and the JIT's in it.
                ["coldGridCpuMsPerCall"] = warmUp.Batches[0].CpuMsPerCall,
                ["coldJitMsPerCall"] = warmUp.Batches[0].JitMsPerCall,
                // Allocation does not vary with the machine's load as CPU time does: the steadier figure to compare two versions by.
                ["gridAllocatedKbPerCall"] = grid.AllocatedKbPerCall,
                ["replayAllocatedKbPerCall"] = replay.AllocatedKbPerCall,
                // How often the collector stopped the process, and for how long: the GC settings' share of the CPU figure.
                ["gc"] = $"{(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "not concurrent" : "concurrent")}",
                ["gridCollectionsPer100Calls"] = grid.CollectionsPer100Calls,
                ["replayCollectionsPer100Calls"] = replay.CollectionsPer100Calls,
                ["gridGcPauseMsPerCall"] = grid.GcPauseMsPerCall,
                ["replayGcPauseMsPerCall"] = replay.GcPauseMsPerCall,
                ["gridWallSeconds"] = grid.WallSeconds,
                ["replayWallSeconds"] = replay.WallSeconds,
                ["articleLoopCalls"] = articleLoop.Calls,
                ["articleLoopCpuMsPerCall"] = articleLoop.CpuMsPerCall,
                ["gridOverheadVsArticleLoopCpuMsPerCall"] = Math.Round(grid.CpuMsPerCall - articleLoop.CpuMsPerCall, 2),
                ["articleLoopAllocatedKbPerCall"] = articleLoop.AllocatedKbPerCall,
                ["perArticle"] = BenchCounters.Shared.PerArticle(articles),
                ["grainCallsPerLlmCallTotal"] = PerCall(grainCalls.Sum(call => call.Value), grid.Calls),
                ["slotGrainCallsPerLlmCall"] = PerCall(grainCalls.Where(call => call.Key.Contains(SlotGrain, StringComparison.Ordinal)).Sum(call => call.Value), grid.Calls),
                ["grainCallsPerLlmCall"] = new JsonObject([.. grainCalls.Take(20).Select(call => KeyValuePair.Create(call.Key, (JsonNode?)PerCall(call.Value, grid.Calls)))]),
            };
        }
        finally
        {
            foreach (var emulator in emulators)
                await emulator.DisposeAsync();
        }
    }

    private static double PerCall(long count, long calls) => Math.Round(count / (double)calls, 2);

    private static async Task<(Run Grid, SteadyState WarmUp)> ThroughGridAsync(List<string> texts, int silos, List<OllamaEmulatorServer> emulators, int slots)
    {
        IEnumerable<string> settings =
        [
            .. emulators.SelectMany((emulator, i) => new[] { $"--Grid:Llm:Endpoints:{i}:Url={emulator.BaseAddress}", $"--Grid:Llm:Endpoints:{i}:Slots={slots}" }),
            $"--Grid:Articles:ChunkTokens={ChunkTokens}",
        ];
        await using var cluster = await BenchCluster.StartAsync(silos, settings);
        await cluster.WarmUpAsync(new SyntheticArticles(seed: 99).Generate(silos, paragraphs: 2, sharedShare: 0));
        // Words shuffled in every sentence: nothing of a warm-up batch is in the measured articles, so none of their
        // paragraphs or sentences is found already translated and the measured run makes the calls it made cold.
        var warmUp = await SteadyState.ReachAsync(batch => MeasureAsync(emulators, () => ThroughAsync(cluster, new SyntheticArticles(seed: 1000 + batch).Generate(texts.Count, paragraphs: 8, sharedShare: 0, distinctSentences: true))));
        BenchCounters.Shared.Reset();
        var run = await MeasureAsync(emulators, () => ThroughAsync(cluster, texts));
        // Read before the cluster stops: its shutdown makes calls of its own.
        BenchCounters.Shared.Freeze();
        return (run, warmUp);
    }

    private static async Task<TimeSpan> ThroughAsync(BenchCluster cluster, List<string> texts)
    {
        var wall = Stopwatch.StartNew();
        await cluster.WaitAllAsync(await Task.WhenAll(texts.Select(cluster.SubmitAsync)), TimeSpan.FromMinutes(20));
        return wall.Elapsed;
    }

    /// <summary>A baseline run once unmeasured, then measured: warm, as Grid is measured.</summary>
    private static async Task<Run> MeasureWarmAsync(List<OllamaEmulatorServer> emulators, Func<Task<TimeSpan>> work)
    {
        await MeasureAsync(emulators, work);
        return await MeasureAsync(emulators, work);
    }

    /// <summary>The process's CPU time and allocations over one run, per chat request the emulators served; they record the requests meanwhile.</summary>
    private static async Task<Run> MeasureAsync(List<OllamaEmulatorServer> emulators, Func<Task<TimeSpan>> work)
    {
        foreach (var emulator in emulators)
        {
            emulator.ResetStats();
            emulator.StartRecordingChatBodies();
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = JitInfo.GetCompilationTime();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var (collections, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        var wall = await work();
        var (cpuUsed, allocated) = (Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - bytes);
        var calls = emulators.Sum(e => e.Stats.Kind(RequestKinds.Chat));
        var requests = emulators.Select(emulator => (emulator.BaseAddress, emulator.StopRecordingChatBodies())).ToList();
        return new Run(calls, wall, cpuUsed, JitInfo.GetCompilationTime() - jit, allocated, GC.CollectionCount(0) - collections, GC.GetTotalPauseDuration() - paused, requests);
    }

    /// <summary>
    /// One run's figures, and the chat requests each endpoint received meanwhile; the collections count every
    /// generation (a gen 1 or 2 collection includes gen 0). <paramref name="Jit"/> is the process's time compiling
    /// methods meanwhile, part of <paramref name="Cpu"/>.
    /// </summary>
    internal sealed record Run(
        long Calls, TimeSpan Wall, TimeSpan Cpu, TimeSpan Jit, long AllocatedBytes, int Collections, TimeSpan GcPaused, IReadOnlyList<(Uri Endpoint, IReadOnlyList<byte[]> Bodies)> Requests)
    {
        public double CollectionsPer100Calls => Math.Round(Collections * 100.0 / Calls, 1);
        public double GcPauseMsPerCall => Math.Round(GcPaused.TotalMilliseconds / Calls, 2);
        public double CpuMsPerCall => Math.Round(Cpu.TotalMilliseconds / Calls, 2);
        public double JitMsPerCall => Math.Round(Jit.TotalMilliseconds / Calls, 2);
        public double JitShareOfCpu => Jit / Cpu;
        public double AllocatedKbPerCall => Math.Round(AllocatedBytes / 1024.0 / Calls, 1);
        public double PerSecond => Math.Round(Calls / Wall.TotalSeconds, 1);
        public double WallSeconds => Math.Round(Wall.TotalSeconds, 2);
    }
}
