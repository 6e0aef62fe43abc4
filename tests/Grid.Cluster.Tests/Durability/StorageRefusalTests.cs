using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Articles;
using Grid.Grains.Storage;
using Grid.Grains.Text;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Cluster.Tests.Durability;

/// <summary>A real silo whose article storage refuses writes on cue: what a caller is told, and what survives, when it does.</summary>
public sealed class StorageRefusalTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private GridOnDisk _disk = null!;
    private RefusingGrainStorage? _storage;

    public async Task InitializeAsync() => _disk = await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _disk.DisposeAsync();

    [Fact]
    public async Task ARefusedFirstSaveIs503WithRetryAfterAndLeavesNothingHalfMade()
    {
        await using var silo = await StartAsync(refuse: state => state is ArticleState);
        using var http = silo.CreateClient();
        var article = GeneratedArticle.FromSeed(1410);
        var id = ContentHash.Of(article.Text);

        using var refused = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("could not be stored", problem["detail"]!.GetValue<string>());
        Assert.Contains("injected: storage refused", problem["detail"]!.GetValue<string>());
        using (var lookup = await http.GetAsync($"/api/articles/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        var list = (await http.GetFromJsonAsync<JsonObject>("/api/articles"))!;
        Assert.DoesNotContain(list["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain(id, await Shard(silo, id).GetUnfinishedAsync());

        _storage!.Refuse = null;
        using var accepted = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.False((await accepted.Content.ReadFromJsonAsync<JsonObject>())!["alreadyKnown"]!.GetValue<bool>());
        Assert.Equal("completed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnArticleWhoseFinalSaveIsRefusedStaysUnfinishedInTheIndexAndIsFinishedAfterARestart()
    {
        var article = GeneratedArticle.FromSeed(1411);
        var id = ContentHash.Of(article.Text);
        await using (var silo = await StartAsync(refuse: state => state is ArticleState { Finished: true }))
        {
            using var http = silo.CreateClient();
            using var accepted = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

            Assert.Equal("completed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());
            // The article says its end is only in memory once the save's retries have run out.
            await PollAsync("the article to say its end is not saved", async () =>
                (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!["warnings"]!.AsArray().Any(warning => warning!.GetValue<string>().StartsWith("Progress is not saved yet")));
            // The index lists what is stored, not the end that is only in memory.
            var listed = (await http.GetFromJsonAsync<JsonObject>("/api/articles"))!["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!;
            Assert.NotEqual("completed", listed["status"]!.GetValue<string>());
            // A sweep asks the article, which says it is not settled: only what is stored survives a crash.
            await Shard(silo, id).SweepAsync(TimeSpan.Zero);
            Assert.Contains(id, await Shard(silo, id).GetUnfinishedAsync());
            Assert.True(_storage!.Refused > 0);
        }

        await using var restarted = await StartAsync(refuse: null);
        // Nothing asks for the article: its shard of the unfinished index alone must bring it back and see it finished.
        await PollAsync("the restarted watchdog to finish the article", async () => !(await Shard(restarted, id).GetUnfinishedAsync()).Contains(id));
        using var client = restarted.CreateClient();
        var finished = (await client.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.Equal("completed", finished["status"]!.GetValue<string>());
        Assert.All(finished["paragraphs"]!.AsArray(), paragraph => Assert.False(string.IsNullOrEmpty(paragraph!["en"]?.GetValue<string>())));
        Assert.NotNull(finished["summary"]);
        var relisted = (await client.GetFromJsonAsync<JsonObject>("/api/articles"))!["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("completed", relisted["status"]!.GetValue<string>());
    }

    /// <summary>A silo on a SQLite file that outlives it, its article storage wrapped in a <see cref="RefusingGrainStorage"/>.</summary>
    private Task<GridSiloHost> StartAsync(Func<object?, bool>? refuse)
    {
        return _disk.StartSiloAsync(configure: builder =>
            builder.Services.DecorateGrainStorage(GridStorage.Articles, (_, inner) => _storage = new RefusingGrainStorage(inner) { Refuse = refuse }));
    }

    private static IUnfinishedArticleShardGrain Shard(GridSiloHost silo, string id) =>
        UnfinishedShards.Of(silo.Services.GetRequiredService<IGrainFactory>(), id, new ArticleOptions().UnfinishedShards);

    private static Task PollAsync(string what, Func<Task<bool>> condition) => Poll.UntilAsync(what, condition, Patience);
}
