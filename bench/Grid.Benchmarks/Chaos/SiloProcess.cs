using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grid.Benchmarks.Chaos;

/// <summary>
/// The built silo (<c>dotnet Grid.Silo.dll</c>) as its own process, so that it can be SIGKILLed; its output goes
/// to a file of its own in the run's log folder, to read when a run shows something no figure explains.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The silo's own output folder, next to this benchmark's: its appsettings.json and framework.</summary>
    private static readonly string SiloDll = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("bench", "Grid.Benchmarks"), Path.Combine("silo", "Grid.Silo")), "Grid.Silo.dll");

    private readonly Process _process;
    private readonly TextWriter _log;

    private SiloProcess(Process process, Uri address, TextWriter log) => (_process, Address, _log) = (process, address, log);

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> StartAsync(IEnumerable<string> settings, string logFolder)
    {
        if (!File.Exists(SiloDll))
            throw new InvalidOperationException($"The silo is not built at {SiloDll}: build the solution first.");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[SiloDll, "--urls", address.ToString(), $"--Grid:Silo:SiloPort={FreePort()}", $"--Grid:Silo:GatewayPort={FreePort()}", .. settings])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logFolder, $"silo-{address.Port}.log")) { AutoFlush = true });
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, address, log);
        await silo.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        return silo;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(TextWriter log, string? line)
    {
        if (line is null)
            return;
        try
        {
            log.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
        }
        catch (ObjectDisposedException)
        {
            // A last line after the process was disposed of.
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = CreateClient();
        using var cancel = new CancellationTokenSource(timeout);
        while (!_process.HasExited)
        {
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
            await Task.Delay(200, cancel.Token);
        }
        throw new InvalidOperationException($"The silo process exited with code {_process.ExitCode} before it was healthy.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
