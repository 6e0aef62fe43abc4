using System.Net;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Redis;

/// <summary>A key's calls a minute are counted for the cluster: two silos allow what one does, not twice as much.</summary>
public sealed class ClusterRateLimitTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Key = "cluster-limit-key-4e8d1a0c97b2";
    private const int RequestsPerMinute = 4;

    [Fact]
    public async Task CallsThroughTwoSilosShareOneLimit()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { TokensPerSecond = 0 });
        var settings = GridSettings.OnRedis(emulator.BaseAddress, redis.ConnectionString, $"grid-limit-{Guid.NewGuid():N}"[..24], slots: 1);
        settings["Grid:Api:Keys:0"] = Key;
        settings["Grid:Api:RequestsPerMinute"] = RequestsPerMinute.ToString();
        await using var cluster = await GridSiloHost.StartAsync(settings, silos: 2, withClient: true);
        using var first = cluster.Silos[0].CreateClient();
        using var second = cluster.Silos[1].CreateClient();

        for (var i = 0; i < RequestsPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(i % 2 == 0 ? first : second));

        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(second));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.Add("X-Api-Key", Key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
