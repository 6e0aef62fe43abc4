using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using StackExchange.Redis;
using Xunit;

namespace Grid.Testing;

/// <summary>
/// A real <c>redis-server</c> (the Debian package) on a free loopback port, in a temporary folder,
/// with nothing saved to disk; shut down and removed after the tests that share it.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("grid-redis-").FullName;
    private Process? _process;

    /// <summary>The connection string Grid and StackExchange.Redis take: <c>127.0.0.1:port</c>.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>What the server wrote, for a failure message.</summary>
    public string Log => string.Join('\n', _log);

    public async Task InitializeAsync()
    {
        var executable = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "redis-server is not installed: these tests run a real Redis. Install it with `apt-get install -y redis-server` (.ci/run does).");

        // A port found free can be taken before redis-server binds it; then it exits and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPorts.Free();
            _process = Start(executable, port);
            if (await AnswersPingAsync(port))
            {
                ConnectionString = $"127.0.0.1:{port}";
                return;
            }
            await StopProcessAsync();
            if (attempt == 3)
                throw new InvalidOperationException($"redis-server did not answer PING within {StartTimeout} on a free port; its output:\n{Log}");
        }
    }

    /// <summary>Stops the server (as SHUTDOWN does) and keeps its port for <see cref="RestartAsync"/>: Redis gone, the way it goes.</summary>
    public Task StopAsync() => StopProcessAsync();

    /// <summary>Starts the server again on the port it had.</summary>
    public async Task RestartAsync()
    {
        var port = int.Parse(ConnectionString.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        _process = Start(FindOnPath("redis-server")!, port);
        if (!await AnswersPingAsync(port))
            throw new InvalidOperationException($"redis-server did not start again on port {port}; its output:\n{Log}");
    }

    public async Task DisposeAsync()
    {
        await StopProcessAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; nothing depends on it.
        }
    }

    private Process Start(string executable, int port)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        foreach (var arg in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory, "--logfile", "" })
            start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _log.Enqueue(line);
        while (_log.Count > 200)
            _log.TryDequeue(out _);
    }

    /// <summary>Polls until the server answers PING; false when it exits first or never answers.</summary>
    private async Task<bool> AnswersPingAsync(int port)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var options = new ConfigurationOptions { EndPoints = { { IPAddress.Loopback, port } }, AbortOnConnectFail = true, ConnectTimeout = 1000, ConnectRetry = 0 };
        while (!_process!.HasExited)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
                await redis.GetDatabase().PingAsync();
                return true;
            }
            catch (RedisConnectionException)
            {
                // Not listening yet.
            }
            if (!await WaitForTickAsync(tick, timeout.Token))
                return false;
        }
        return false;
    }

    private async Task StopProcessAsync()
    {
        if (_process is null)
            return;
        using var process = _process;
        _process = null;
        if (!process.HasExited && ConnectionString.Length == 0)
        {
            process.Kill(entireProcessTree: true);
        }
        else if (!process.HasExited)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(ConfigurationOptions.Parse($"{ConnectionString},allowAdmin=true,abortConnect=false"));
                redis.GetServer(ConnectionString).Shutdown(ShutdownMode.Never);
            }
            catch (RedisException)
            {
                // The connection drops as the server goes: that is the answer to SHUTDOWN.
            }
        }
        using var stopped = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(stopped.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer tick, CancellationToken cancellationToken)
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

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
