using System.Diagnostics;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// What Grid itself costs: emulators that answer at once, so every second and every CPU millisecond
/// is Grid's or the emulators'. The same articles go through Grid and through direct OllamaSharp calls
/// at the same parallelism (all slots); both runs share this process with the emulators, so the
/// difference in CPU time per LLM call is Grid's overhead.
/// </summary>
public static class OverheadScenario
{
    private const string Model = "qwen2.5:7b";
    private const int ChunkTokens = 600;

    public static async Task<JsonObject> RunAsync(int articles, int silos, int endpoints, int slots)
    {
        var texts = new SyntheticArticles(seed: 11).Generate(articles, paragraphs: 8, sharedShare: 0);
        var emulators = new List<OllamaEmulatorServer>();
        for (var i = 0; i < endpoints; i++)
            emulators.Add(await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = slots, TokensPerSecond = 0 }));
        try
        {
            var (gridWall, gridCpu, gridBytes, calls) = await ThroughGridAsync(texts, silos, emulators, slots);

            foreach (var emulator in emulators)
                emulator.ResetStats();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var directWall = await DirectLoop.RunAsync([.. emulators.Select(e => e.BaseAddress)], Model, texts, ChunkTokens, parallelism: endpoints * slots);
            var directCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var directBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            var directCalls = emulators.Sum(e => e.Stats.Kind(RequestKinds.Chat));

            return new JsonObject
            {
                ["scenario"] = "overhead",
                ["endpoints"] = endpoints,
                ["slotsPerEndpoint"] = slots,
                ["silos"] = silos,
                ["articles"] = articles,
                ["llmCalls"] = calls,
                ["gridCallsPerSecond"] = Math.Round(calls / gridWall.TotalSeconds, 1),
                ["directCallsPerSecond"] = Math.Round(directCalls / directWall.TotalSeconds, 1),
                ["gridCpuMsPerCall"] = Math.Round(gridCpu.TotalMilliseconds / calls, 2),
                ["directCpuMsPerCall"] = Math.Round(directCpu.TotalMilliseconds / directCalls, 2),
                ["gridOverheadCpuMsPerCall"] = Math.Round(gridCpu.TotalMilliseconds / calls - directCpu.TotalMilliseconds / directCalls, 2),
                // Allocation does not vary with the machine's load as CPU time does: the steadier figure to compare two versions by.
                ["gridAllocatedKbPerCall"] = Math.Round(gridBytes / 1024.0 / calls, 1),
                ["directAllocatedKbPerCall"] = Math.Round(directBytes / 1024.0 / directCalls, 1),
                ["gridWallSeconds"] = Math.Round(gridWall.TotalSeconds, 2),
                ["directWallSeconds"] = Math.Round(directWall.TotalSeconds, 2),
                ["perArticle"] = BenchCounters.Shared.PerArticle(articles),
                ["grainCallsPerLlmCall"] = new JsonObject([.. BenchCounters.Shared.GrainCalls.Take(20).Select(call => KeyValuePair.Create(call.Key, (JsonNode?)Math.Round(call.Value / (double)calls, 2)))]),
            };
        }
        finally
        {
            foreach (var emulator in emulators)
                await emulator.DisposeAsync();
        }
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, long Calls)> ThroughGridAsync(List<string> texts, int silos, List<OllamaEmulatorServer> emulators, int slots)
    {
        IEnumerable<string> settings =
        [
            .. emulators.SelectMany((emulator, i) => new[] { $"--Grid:Llm:Endpoints:{i}:Url={emulator.BaseAddress}", $"--Grid:Llm:Endpoints:{i}:Slots={slots}" }),
            $"--Grid:Articles:ChunkTokens={ChunkTokens}",
        ];
        await using var cluster = await BenchCluster.StartAsync(silos, settings);
        await cluster.WarmUpAsync(new SyntheticArticles(seed: 99).Generate(silos, paragraphs: 2, sharedShare: 0));
        foreach (var emulator in emulators)
            emulator.ResetStats();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        await cluster.WaitAllAsync(await Task.WhenAll(texts.Select(cluster.SubmitAsync)), TimeSpan.FromMinutes(20));
        wall.Stop();
        var (cpuUsed, allocated) = (Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - bytes);
        // Read before the cluster stops: its shutdown makes calls of its own.
        BenchCounters.Shared.Freeze();
        return (wall.Elapsed, cpuUsed, allocated, emulators.Sum(e => e.Stats.Kind(RequestKinds.Chat)));
    }
}
