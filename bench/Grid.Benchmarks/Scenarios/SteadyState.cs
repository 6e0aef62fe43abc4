namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// Batches of fresh articles through a cluster until the JIT has done most of its work: until the time spent
/// compiling is under <see cref="JitShare"/> of the CPU in two batches in a row (it comes in bursts), or after
/// <see cref="MaxBatches"/>. A silo starts on unoptimized code and compiles its hot methods again in the background;
/// on a busy 2-core machine that goes on for a dozen batches of 100 articles or more, so a measurement taken earlier
/// is mostly slow code and the JIT's work, not what Grid costs a silo that has been running.
/// </summary>
internal sealed record SteadyState(IReadOnlyList<OverheadScenario.Run> Batches)
{
    private const double JitShare = 0.05;
    private const int MaxBatches = 40;

    public static async Task<SteadyState> ReachAsync(Func<int, Task<OverheadScenario.Run>> batch)
    {
        var batches = new List<OverheadScenario.Run>();
        do
            batches.Add(await batch(batches.Count));
        while (!Settled(batches) && batches.Count < MaxBatches);
        return new SteadyState(batches);
    }

    private static bool Settled(List<OverheadScenario.Run> batches) =>
        batches.Count >= 2 && batches[^2].JitShareOfCpu < JitShare && batches[^1].JitShareOfCpu < JitShare;
}
