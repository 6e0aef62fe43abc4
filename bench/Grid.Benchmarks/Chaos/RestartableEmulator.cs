using System.Net;
using System.Net.Sockets;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Chaos;

/// <summary>An emulator on a fixed loopback port that can be stopped and started there again; its counters add up over its runs.</summary>
public sealed class RestartableEmulator(int port, EmulatorOptions options) : IAsyncDisposable
{
    private readonly List<EmulatorStatsSnapshot> _earlierRuns = [];
    private OllamaEmulatorServer? _server;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

    public int Slots => options.Slots;

    public bool IsUp => _server is not null;

    public static async Task<RestartableEmulator> StartAsync(EmulatorOptions options)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var emulator = new RestartableEmulator(port, options);
        await emulator.StartAsync();
        return emulator;
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

    private IReadOnlyList<EmulatorStatsSnapshot> Runs => [.. _earlierRuns, .. _server is { } server ? [server.Stats] : Array.Empty<EmulatorStatsSnapshot>()];

    public long Outcome(string outcome) => Runs.Sum(run => run.Outcome(outcome));

    public long Kind(string kind) => Runs.Sum(run => run.Kind(kind));

    public long TranslationRequests => Runs.Sum(run => run.TranslationRequests);

    public int MaxConcurrent => Runs.Max(run => run.MaxConcurrent);

    public int MaxQueued => Runs.Max(run => run.MaxQueued);

    public ValueTask DisposeAsync() => new(StopAsync());
}
