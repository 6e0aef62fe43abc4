using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Chaos;

/// <summary>
/// An emulator on a fixed loopback port that can be stopped and started again there, as an Ollama
/// server restarts; what every run of it saw is kept, since each run starts with empty stats.
/// </summary>
internal sealed class RestartableBackend(int port, EmulatorOptions options) : IAsyncDisposable
{
    private readonly List<EmulatorStatsSnapshot> _earlierRuns = [];
    private OllamaEmulatorServer? _server;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    public int Slots => options.Slots;

    public bool IsUp => _server is not null;

    public static async Task<RestartableBackend> StartAsync(EmulatorOptions options)
    {
        var backend = new RestartableBackend(LoopbackPorts.Free(), options);
        await backend.StartAsync();
        return backend;
    }

    public async Task StartAsync() => _server = await OllamaEmulatorServer.StartAsync(options, BaseAddress.Port);

    public async Task StopAsync()
    {
        if (_server is not { } server)
            return;
        _server = null;
        await server.DisposeAsync();
        _earlierRuns.Add(server.Stats);
    }

    /// <summary>Every run's stats, the current one last.</summary>
    public IReadOnlyList<EmulatorStatsSnapshot> Runs => [.. _earlierRuns, .. _server is { } server ? [server.Stats] : Array.Empty<EmulatorStatsSnapshot>()];

    public IEnumerable<RequestRecord> Requests => Runs.SelectMany(run => run.Recent);

    public long Outcome(string outcome) => Runs.Sum(run => run.Outcome(outcome));

    public int MaxConcurrent => Runs.Max(run => run.MaxConcurrent);

    public int MaxQueued => Runs.Max(run => run.MaxQueued);

    public ValueTask DisposeAsync() => new(StopAsync());
}
