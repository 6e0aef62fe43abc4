using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Grid.Benchmarks;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port, saving nothing: the membership table of a bench cluster.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, string connectionString) => (_process, ConnectionString) = (process, connectionString);

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start: install it with `apt-get install -y redis-server`.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var options = new ConfigurationOptions { EndPoints = { { IPAddress.Loopback, port } }, AbortOnConnectFail = true, ConnectTimeout = 1000 };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await tick.WaitForNextTickAsync(timeout.Token))
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
                await redis.GetDatabase().PingAsync();
                return new RedisServer(process, $"127.0.0.1:{port}");
            }
            catch (RedisConnectionException) when (!process.HasExited)
            {
                // Not listening yet.
            }
        }
        throw new InvalidOperationException("redis-server did not answer PING within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
