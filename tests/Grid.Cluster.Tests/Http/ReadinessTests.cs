using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Redis;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Http;

/// <summary>
/// <c>/health/live</c> answers while the process does; <c>/health/ready</c> goes 503 when storage or every
/// LLM backend is gone, saying which, and 200 again when it is back. Both are stopped for real: the emulator's
/// server, and a redis-server of the test's own.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ReadyIs503WhileEveryBackendIsGoneAndOkWhenOneIsBack()
    {
        var port = LoopbackPorts.Free();
        var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 }, port);
        var settings = GridSettings.For(emulator.BaseAddress);
        settings["Grid:Llm:CheckPeriod"] = "00:00:00.200";
        await using var silo = await GridSiloHost.StartAsync(settings);
        using var http = silo.CreateClient();
        try
        {
            await ReadyWhenAsync(http, HttpStatusCode.OK);

            await emulator.DisposeAsync();
            var unready = await ReadyWhenAsync(http, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", unready["checks"]!["llm"]!["status"]!.GetValue<string>());
            Assert.Contains("No LLM backend is usable", unready["checks"]!["llm"]!["detail"]!.GetValue<string>());
            Assert.Equal("healthy", unready["checks"]!["storage"]!["status"]!.GetValue<string>());
            await LiveAsync(http);

            emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 }, port);
            await ReadyWhenAsync(http, HttpStatusCode.OK);
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReadyIs503WhileRedisIsGoneAndOkWhenItIsBack()
    {
        var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        var settings = GridSettings.For(emulator.BaseAddress);
        settings["Grid:Storage"] = "Redis";
        settings["Grid:Redis"] = redis.ConnectionString;
        settings["Grid:ClusterId"] = $"grid-ready-{Guid.NewGuid():N}"[..24];
        try
        {
            await using var silo = await GridSiloHost.StartAsync(settings);
            using var http = silo.CreateClient();
            await ReadyWhenAsync(http, HttpStatusCode.OK);

            await redis.StopAsync();
            var unready = await ReadyWhenAsync(http, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", unready["checks"]!["storage"]!["status"]!.GetValue<string>());
            Assert.Contains("Grain storage 'articles'", unready["checks"]!["storage"]!["detail"]!.GetValue<string>());
            await LiveAsync(http);

            await redis.RestartAsync();
            await ReadyWhenAsync(http, HttpStatusCode.OK);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private static async Task LiveAsync(HttpClient http)
    {
        using var live = await http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>Reads <c>/health/ready</c> until it answers <paramref name="status"/>; its JSON report then.</summary>
    private static async Task<JsonObject> ReadyWhenAsync(HttpClient http, HttpStatusCode status)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var last = "";
        while (true)
        {
            using (var response = await http.GetAsync("/health/ready", timeout.Token))
            {
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}";
                if (response.StatusCode == status)
                    return (await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))!;
            }
            try
            {
                await tick.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"/health/ready did not answer {(int)status} within {Patience}; last: {last}");
            }
        }
    }
}
