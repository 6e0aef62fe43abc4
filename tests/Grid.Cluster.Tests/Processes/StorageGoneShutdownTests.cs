using System.Collections.Concurrent;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Redis;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Processes;

/// <summary>A silo whose Redis is gone still stops promptly on SIGTERM, and says why it did not stop cleanly: an orchestrator kills what takes longer.</summary>
public sealed class StorageGoneShutdownTests
{
    /// <summary>What orchestrators commonly wait before SIGKILL (Docker's default).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // Starts a silo process, kills or stops it and starts it again: each step may take its patience under load.
    [Fact(Timeout = TestDeadline.SiloProcesses)]
    public async Task ASiloWhoseRedisIsGoneStopsWithinTenSecondsOfSigtermAndLogsIt()
    {
        var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        using var folder = new TemporaryFolder();
        var output = new ConcurrentQueue<string>();
        var settings = GridSettings.OnRedis(emulator.BaseAddress, redis.ConnectionString, $"grid-stop-{Guid.NewGuid():N}"[..24], slots: 1)
            .Select(setting => $"--{setting.Key}={setting.Value}");
        await using var silo = GridSiloProcess.Start("silo", SiloPorts.Free(), folder.Path, settings, output);
        try
        {
            await silo.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
            await redis.StopAsync();

            TimeSpan took;
            try
            {
                took = await silo.TerminateAsync(TimeSpan.FromMinutes(1));
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The silo had not stopped a minute after SIGTERM; it said:\n{string.Join('\n', output.TakeLast(40))}");
            }

            Assert.True(took < Bound, $"stopping took {took.TotalSeconds:F1} s; the silo said:\n{string.Join('\n', output.TakeLast(40))}");
            Assert.Contains(output, line => line.Contains("could not stop cleanly within"));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
