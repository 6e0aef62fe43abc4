using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grid.Benchmarks.Chaos;

/// <summary>The built silo (<c>dotnet Grid.Silo.dll</c>) as its own process, so that it can be SIGKILLed; its output is dropped.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The silo's own output folder, next to this benchmark's: its appsettings.json and framework.</summary>
    private static readonly string SiloDll = Path.Combine(
        AppContext.BaseDirectory.Replace(Path.Combine("bench", "Grid.Benchmarks"), Path.Combine("silo", "Grid.Silo")), "Grid.Silo.dll");

    private readonly Process _process;

    private SiloProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> StartAsync(IEnumerable<string> settings)
    {
        if (!File.Exists(SiloDll))
            throw new InvalidOperationException($"The silo is not built at {SiloDll}: build the solution first.");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[SiloDll, "--urls", address.ToString(), $"--Grid:Silo:SiloPort={FreePort()}", $"--Grid:Silo:GatewayPort={FreePort()}", .. settings])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, address);
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
