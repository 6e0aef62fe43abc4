using System.Collections.Concurrent;
using Grid.Cluster.Tests.Processes;

namespace Grid.Cluster.Tests.Chaos;

/// <summary>
/// Silo processes on one Redis sharing the backends. The first silo is the front door the test talks
/// to and is never killed; the others come and go.
/// </summary>
internal sealed class ChaosCluster(string redis, IReadOnlyList<RestartableBackend> backends) : IAsyncDisposable
{
    private readonly string _clusterId = $"chaos-{Guid.NewGuid():N}";
    private readonly List<GridSiloProcess> _silos = [];
    private int _started;

    public ConcurrentQueue<string> Output { get; } = new();

    public GridSiloProcess Front => _silos[0];

    public IEnumerable<GridSiloProcess> Live => _silos.Where(silo => !silo.HasExited);

    public async Task<GridSiloProcess> AddSiloAsync()
    {
        var silo = GridSiloProcess.Start($"silo{++_started}", SiloPorts.Free(), GridSiloProcess.OutputFolder, Settings(), Output);
        _silos.Add(silo);
        // Generous: with other test runs on the machine, a process start can take a while.
        await silo.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        return silo;
    }

    private IEnumerable<string> Settings() =>
    [
        "--Grid:Clustering=Redis",
        "--Grid:Storage=Redis",
        $"--Grid:Redis={redis}",
        $"--Grid:ClusterId={_clusterId}",
        .. backends.SelectMany((backend, i) => new[] { $"--Grid:Llm:Endpoints:{i}:Url={backend.BaseAddress}", $"--Grid:Llm:Endpoints:{i}:Slots={backend.Slots}" }),
        $"--Grid:Articles:ChunkTokens={GridSettings.ChunkTokens}",
        "--Grid:Articles:WatchdogPeriod=00:00:01",
        // Short deadlines, so that a stalled answer is cut in seconds and the run stays short; the first
        // token gets more room than the gaps after it, since a loaded machine can be slow to start answering.
        "--Grid:Llm:StreamIdleTimeout=00:00:02",
        "--Grid:Llm:FirstTokenTimeout=00:00:05",
        "--Grid:Llm:RequestTimeout=00:00:20",
        // About 15% of answers spend an attempt (stall, mid-stream error, truncation, an unrepaired preamble);
        // busy answers and a stopped backend spend none. Twelve failures in a row is about 0.15^12, never,
        // where the default three (0.15^3, one chunk in 300) would leave a gap in most runs.
        "--Grid:Llm:MaxAttempts=12",
        "--Grid:Llm:RetryDelay=00:00:00.010",
        "--Grid:Llm:MaxRetryDelay=00:00:00.500",
        "--Grid:Llm:CircuitBreakTime=00:00:00.200",
        "--Grid:Llm:CircuitMaxBreakTime=00:00:01",
        "--Grid:Llm:CheckPeriod=00:00:01",
        "--Logging:LogLevel:Default=Warning",
        // The test reads every article several times a second through one silo.
        "--Grid:Api:RequestsPerMinute=1000000",
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
    }
}
