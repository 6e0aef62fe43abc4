using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Grains.Tests.Text;

namespace Grid.Cluster.Tests.Outages;

/// <summary>Generated articles for the outage tests, submitted and read over the HTTP API.</summary>
internal static class OutageArticles
{
    /// <summary>A title and five paragraphs: a few chunks under <see cref="GridSettings.ChunkTokens"/>.</summary>
    public static string Text(int seed)
    {
        var random = new ArabicArticleGenerator(5000 + seed);
        return string.Join("\n\n", [random.Title(), .. Enumerable.Range(0, 5).Select(_ => random.Paragraph(maxSentenceWords: 30).Text)]);
    }

    public static async Task<IReadOnlyList<string>> SubmitAsync(HttpClient http, int count, int firstSeed = 0)
    {
        var ids = new List<string>();
        for (var seed = firstSeed; seed < firstSeed + count; seed++)
        {
            using var posted = await http.PostAsync("/api/articles", new StringContent(Text(seed), Encoding.UTF8, "text/plain"));
            posted.EnsureSuccessStatusCode();
            ids.Add((await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }
        return ids;
    }

    /// <summary>Reads GET /api/articles/{id} until <paramref name="condition"/> holds; fails naming what it waited for when <paramref name="patience"/> runs out.</summary>
    public static async Task<JsonObject> ReadUntilAsync(this HttpClient http, string id, Func<JsonObject, bool> condition, string waitingFor, TimeSpan patience)
    {
        using var cancel = new CancellationTokenSource(patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        JsonObject? article = null;
        try
        {
            while (true)
            {
                article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}", cancel.Token))!;
                if (condition(article))
                    return article;
                await tick.WaitForNextTickAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"article {id} was not {waitingFor} within {patience}; last seen: {article?.ToJsonString()}");
        }
    }

    public static bool IsFinished(JsonObject article) => article["status"]!.GetValue<string>() is "completed" or "failed";

    /// <summary>Completed with every paragraph in English, nothing missing and no wait left.</summary>
    public static void AssertFullyTranslated(JsonObject article)
    {
        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.Equal(0, article["missingParagraphs"]!.GetValue<int>());
        Assert.Null(article["waitingForBackend"]);
        Assert.All(article["paragraphs"]!.AsArray(), paragraph => Assert.False(string.IsNullOrEmpty((string?)paragraph!["en"]), paragraph!.ToJsonString()));
    }
}
