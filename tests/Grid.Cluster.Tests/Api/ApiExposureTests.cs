using Grid.Cluster.Tests.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Cluster.Tests.Api;

/// <summary>Where the API listens and what it says about it at start, for each way of configuring its keys.</summary>
public sealed class ApiExposureTests
{
    /// <summary>Nothing here calls the LLM; the endpoint only has to be a valid address.</summary>
    private static readonly Uri UnusedLlm = new("http://127.0.0.1:9");

    [Fact]
    public async Task WithoutKeysTheApiListensOnLoopbackOnlyAndSaysSoAtStart()
    {
        var (urls, logs) = await StartAsync(new() { ["urls"] = "http://0.0.0.0:0" });

        Assert.StartsWith("http://127.0.0.1:", Assert.Single(urls));
        var notice = Assert.Single(logs.Lines, line => line.Category.EndsWith("ApiExposureNotice"));
        Assert.Equal(LogLevel.Warning, notice.Level);
        Assert.Contains("loopback only", notice.Message);
        Assert.Contains("http://0.0.0.0:0", notice.Message);
        Assert.Contains("Grid:Api:AllowAnonymousRemote=true", notice.Message);
    }

    [Fact]
    public async Task WithoutKeysButAllowedToServeOtherMachinesTheApiListensWhereToldAndWarns()
    {
        var (urls, logs) = await StartAsync(new() { ["urls"] = "http://0.0.0.0:0", ["Grid:Api:AllowAnonymousRemote"] = "true" });

        Assert.StartsWith("http://0.0.0.0:", Assert.Single(urls));
        var notice = Assert.Single(logs.Lines, line => line.Category.EndsWith("ApiExposureNotice"));
        Assert.Equal(LogLevel.Warning, notice.Level);
        Assert.Contains("anyone who can reach it", notice.Message);
    }

    [Fact]
    public async Task WithKeysTheApiListensWhereToldAndSaysItNeedsThem()
    {
        var (urls, logs) = await StartAsync(new() { ["urls"] = "http://0.0.0.0:0", ["Grid:Api:Keys:0"] = "a-key-long-enough-0123" });

        Assert.StartsWith("http://0.0.0.0:", Assert.Single(urls));
        var notice = Assert.Single(logs.Lines, line => line.Category.EndsWith("ApiExposureNotice"));
        Assert.Contains("X-Api-Key", notice.Message);
        Assert.DoesNotContain("a-key-long-enough-0123", string.Join("\n", logs.Lines.Select(line => line.Message)));
    }

    [Theory]
    [InlineData("Grid:Api:Keys:0", "short", "Grid:Api:Keys holds a key shorter than 16 characters")]
    [InlineData("Grid:Api:RequestsPerMinute", "-1", "Grid:Api:RequestsPerMinute is -1")]
    [InlineData("Grid:Api:MaxBatchItems", "0", "Grid:Api:MaxBatchItems is 0")]
    public async Task AnApiSettingThatCannotWorkStopsTheStartWithASentence(string key, string value, string sentence)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [key] = value }));

        Assert.Contains(sentence, refused.Message);
    }

    private static async Task<(IReadOnlyList<string> Urls, CapturedLogs Logs)> StartAsync(Dictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        var all = GridSettings.For(UnusedLlm);
        foreach (var (key, value) in settings)
            all[key] = value;
        await using var silo = await GridSiloHost.StartAsync(all, builder => builder.Logging.AddProvider(logs));
        var addresses = silo.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>().Addresses.ToList();
        return (addresses, logs);
    }
}
