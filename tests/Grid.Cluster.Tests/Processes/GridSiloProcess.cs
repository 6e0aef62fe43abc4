using System.Collections.Concurrent;
using System.Diagnostics;

namespace Grid.Cluster.Tests.Processes;

/// <summary>The built silo (<c>dotnet Grid.Silo.dll</c>) as its own process, as an operator runs it; its output kept for a failure message.</summary>
internal sealed class GridSiloProcess : IAsyncDisposable
{
    /// <summary>The silo's own output folder, with the shipped appsettings.json: same configuration and framework as this test assembly's.</summary>
    public static readonly string OutputFolder =
        AppContext.BaseDirectory.Replace(Path.Combine("tests", "Grid.Cluster.Tests"), Path.Combine("silo", "Grid.Silo"));

    private static readonly string SiloDll = Path.Combine(OutputFolder, "Grid.Silo.dll");

    private readonly Process _process;

    private GridSiloProcess(Process process, SiloPorts ports) => (_process, Ports) = (process, ports);

    public SiloPorts Ports { get; }

    public Uri Address => new($"http://127.0.0.1:{Ports.Http}");

    public bool HasExited => _process.HasExited;

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="workingDirectory">Where the process runs; relative paths in its settings land here.</param>
    /// <param name="output">Receives every line the process writes, prefixed with <paramref name="name"/>.</param>
    public static GridSiloProcess Start(string name, SiloPorts ports, string workingDirectory, IEnumerable<string> settings, ConcurrentQueue<string> output)
    {
        if (!File.Exists(SiloDll))
            throw new InvalidOperationException($"The silo is not built at {SiloDll}: build the solution first.");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in (string[])
            [SiloDll, "--urls", $"http://127.0.0.1:{ports.Http}", $"--Grid:Silo:SiloPort={ports.Silo}", $"--Grid:Silo:GatewayPort={ports.Gateway}", .. settings])
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(output, name, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, name, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new GridSiloProcess(process, ports);
    }

    /// <summary>Polls <c>GET /health</c> until it answers 200; fails at once if the process exits.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = CreateClient();
        using var cancel = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The silo process exited with code {_process.ExitCode} before it was healthy.");
            try
            {
                using var health = await http.GetAsync("/health", cancel.Token);
                if (health.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                break;
            }
            if (!await TickAsync(tick, cancel.Token))
                break;
        }
        throw new TimeoutException($"The silo process did not answer /health at {Address} within {timeout}.");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: the silo shuts down gracefully. Returns how long it took to exit.</summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await kill.WaitForExitAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return stopping.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string name, string? line)
    {
        if (line is null)
            return;
        output.Enqueue($"[{name}] {line}");
        while (output.Count > 2000)
            output.TryDequeue(out _);
    }

    private static async Task<bool> TickAsync(PeriodicTimer tick, CancellationToken cancellationToken)
    {
        try
        {
            return await tick.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
