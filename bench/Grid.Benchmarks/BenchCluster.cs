using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Orleans.Runtime;

namespace Grid.Benchmarks;

/// <summary>
/// K Grid silos in this process forming one cluster through Redis membership, as separate machines
/// would; articles go in through their HTTP APIs in turn.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly RedisServer _redis;
    private readonly IReadOnlyList<BenchSilo> _silos;
    private int _next;

    private BenchCluster(RedisServer redis, IReadOnlyList<BenchSilo> silos) => (_redis, _silos) = (redis, silos);

    public IGrainFactory Grains => _silos[0].Grains;

    public static async Task<BenchCluster> StartAsync(int silos, IEnumerable<string> settings)
    {
        var redis = await RedisServer.StartAsync();
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var started = new List<BenchSilo>();
        foreach (var _ in Enumerable.Range(0, silos))
        {
            started.Add(await BenchSilo.StartAsync(
            [
                "--Grid:Clustering=Redis",
                $"--Grid:Redis={redis.ConnectionString}",
                $"--Grid:ClusterId={clusterId}",
                .. settings,
            ]));
        }
        var cluster = new BenchCluster(redis, started);
        await cluster.WaitUntilFormedAsync(silos);
        return cluster;
    }

    /// <summary>Submits through the next silo's HTTP API.</summary>
    public async Task<string> SubmitAsync(string text)
    {
        var silo = _silos[Interlocked.Increment(ref _next) % _silos.Count];
        using var response = await silo.Http.PostAsync("/api/articles", new StringContent(text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Waits until every article has finished. Every 100 ms it asks the articles in order and stops at the first one
    /// still at work: the waiting costs the silos about one grain call a tick and one an article, not one per article per
    /// tick, which would count in Grid's own CPU per LLM call (the silos run in this process).
    /// </summary>
    public async Task<IReadOnlyList<ArticleView>> WaitAllAsync(IReadOnlyList<string> ids, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var next = 0;
        while (next < ids.Count && await tick.WaitForNextTickAsync(cancel.Token))
        {
            while (next < ids.Count && await Grains.GetGrain<IArticleGrain>(ids[next]).GetProgressAsync() is { IsFinished: true })
                next++;
        }
        return await Task.WhenAll(ids.Select(async id => (await Grains.GetGrain<IArticleGrain>(id).GetAsync())!));
    }

    /// <summary>
    /// Brings the cluster to its steady state before anything is timed: every silo has checked its
    /// endpoints (and warmed the model), and one article per silo has gone all the way through.
    /// </summary>
    public async Task WarmUpAsync(IReadOnlyList<string> articles)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        foreach (var silo in _silos)
        {
            while ((await silo.Http.GetFromJsonAsync<JsonObject>("/health", cancel.Token))!["endpoints"]!.AsArray().Any(endpoint => !(bool)endpoint!["checked"]!))
                await tick.WaitForNextTickAsync(cancel.Token);
        }
        await WaitAllAsync(await Task.WhenAll(articles.Select(SubmitAsync)), TimeSpan.FromMinutes(1));
        BenchCounters.Shared.Reset();
    }

    /// <summary>Until every silo sees every other as active, so articles are placed across all of them from the start.</summary>
    private async Task WaitUntilFormedAsync(int silos)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await tick.WaitForNextTickAsync(cancel.Token))
        {
            var views = await Task.WhenAll(_silos.Select(silo => silo.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)));
            if (views.All(view => view.Count == silos))
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Reverse())
            await silo.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
