using Microsoft.Diagnostics.Tracing.Etlx;

namespace Grid.TraceReport;

/// <summary>
/// Method frames of a trace, counted two ways. CPU: the sample profiler's samples of threads that were running managed
/// code (a thread waiting in the OS is left out, which the thread-time view of <c>dotnet-trace report</c> counts), each
/// method once per sample it is on the stack of (inclusive). Allocations: the runtime's allocation ticks (one per
/// ~100 KB), by type and by the nearest method that matches the prefix.
/// </summary>
public sealed class TraceFrames(string path, TraceWindow window)
{
    private const int ManagedCode = 2;

    public void PrintCpu(string prefix, int top)
    {
        using var log = Open();
        var inclusive = new Dictionary<string, int>();
        var seconds = new SortedDictionary<int, int>();
        var samples = 0;
        foreach (var sample in log.Events.Where(e => e.ProviderName == "Microsoft-DotNETCore-SampleProfiler"))
        {
            if (!window.Holds(sample.TimeStampRelativeMSec / 1000) || Convert.ToInt32(sample.PayloadByName("Type")) != ManagedCode)
                continue;
            samples++;
            var frames = Frames(sample).ToList();
            seconds[(int)(sample.TimeStampRelativeMSec / 1000)] = seconds.GetValueOrDefault((int)(sample.TimeStampRelativeMSec / 1000)) + (frames.Any(f => f.StartsWith(prefix, StringComparison.Ordinal)) ? 1 : 0);
            foreach (var method in frames.Distinct())
                inclusive[method] = inclusive.GetValueOrDefault(method) + 1;
        }
        Console.WriteLine($"{samples} samples running managed code; by second, those with a {prefix} frame: {string.Join(' ', seconds.Select(s => $"{s.Key}:{s.Value}"))}");
        Console.WriteLine($"Inclusive, {prefix}*:");
        foreach (var (method, count) in inclusive.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderByDescending(m => m.Value).Take(top))
            Console.WriteLine($"{count,7} {100.0 * count / Math.Max(1, samples),5:F1}%  {Short(method)}");
    }

    public void PrintAllocations(string prefix, int top)
    {
        using var log = Open();
        var (byType, byMethod) = (new Dictionary<string, double>(), new Dictionary<string, double>());
        var total = 0.0;
        foreach (var tick in log.Events.Where(e => e.EventName == "GC/AllocationTick"))
        {
            if (!window.Holds(tick.TimeStampRelativeMSec / 1000))
                continue;
            var bytes = Convert.ToDouble(tick.PayloadByName("AllocationAmount64"));
            total += bytes;
            var type = tick.PayloadByName("TypeName")?.ToString() ?? "?";
            byType[type] = byType.GetValueOrDefault(type) + bytes;
            var method = Frames(tick).FirstOrDefault(f => f.StartsWith(prefix, StringComparison.Ordinal)) ?? $"(no {prefix} frame)";
            byMethod[method] = byMethod.GetValueOrDefault(method) + bytes;
        }
        Console.WriteLine($"~{total / 1e6:F0} MB allocated (sampled)");
        foreach (var (title, counts) in new[] { ("By type:", byType), ($"By the nearest {prefix} frame:", byMethod) })
        {
            Console.WriteLine(title);
            foreach (var (name, bytes) in counts.OrderByDescending(c => c.Value).Take(top))
                Console.WriteLine($"{bytes / 1e6,8:F1} MB {100 * bytes / Math.Max(1, total),5:F1}%  {Short(name)}");
        }
    }

    private TraceLog Open() => new(TraceLog.CreateFromEventPipeDataFile(path));

    private static IEnumerable<string> Frames(Microsoft.Diagnostics.Tracing.TraceEvent traceEvent)
    {
        for (var frame = traceEvent.CallStack(); frame is not null; frame = frame.Caller)
            yield return frame.CodeAddress.FullMethodName ?? "?";
    }

    private static string Short(string method) => method.Length > 160 ? method[..160] : method;
}
