using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.OllamaEmulator;

namespace Grid.Benchmarks.Scenarios;

/// <summary>
/// What the cluster-wide cache saves: a batch of articles sharing a share of their paragraphs goes
/// through a silo; the emulator counts the translation calls, compared with the unique chunks
/// (the least any system could pay) and with all chunks (what a cache-less loop pays).
/// </summary>
public static class CacheScenario
{
    public static async Task<JsonObject> RunAsync(int articles, int paragraphs, double sharedShare, int chunkTokens)
    {
        const string model = "qwen2.5:7b";
        var texts = new SyntheticArticles(seed: 42).Generate(articles, paragraphs, sharedShare);
        var work = texts.SelectMany(text => ArticleDraft.Create(new ArticleSubmission(text), new ArticleOptions { ChunkTokens = chunkTokens }, model).State!.Plan!.Work())
            .Select(item => item.Key).ToList();
        var unique = work.Distinct().Count();

        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 0 });
        await using var silo = await BenchSilo.StartAsync(
        [
            $"--Grid:Llm:Endpoints:0:Url={emulator.BaseAddress}",
            "--Grid:Llm:Endpoints:0:Slots=4",
            $"--Grid:Articles:ChunkTokens={chunkTokens}",
        ]);

        var wall = Stopwatch.StartNew();
        var ids = await Task.WhenAll(texts.Select(text => SubmitAsync(silo.Http, text)));
        await Task.WhenAll(ids.Select(id => WaitAsync(silo.Http, id)));
        wall.Stop();
        var translations = emulator.Stats.TranslationRequests;

        var resubmitted = Stopwatch.StartNew();
        await Task.WhenAll(texts.Select(text => SubmitAsync(silo.Http, text)));
        resubmitted.Stop();

        return new JsonObject
        {
            ["scenario"] = "cache",
            ["articles"] = articles,
            ["paragraphsPerArticle"] = paragraphs,
            ["sharedParagraphShare"] = sharedShare,
            ["chunkTokens"] = chunkTokens,
            ["chunks"] = work.Count,
            ["uniqueChunks"] = unique,
            ["translationCalls"] = translations,
            ["callsPerUniqueChunk"] = Math.Round((double)translations / unique, 3),
            ["cacheHitRatio"] = Math.Round(1 - (double)translations / work.Count, 3),
            ["callsOnResubmittingAll"] = emulator.Stats.TranslationRequests - translations,
            ["wallSeconds"] = Math.Round(wall.Elapsed.TotalSeconds, 2),
            ["resubmitAllMilliseconds"] = Math.Round(resubmitted.Elapsed.TotalMilliseconds, 1),
        };
    }

    private static async Task<string> SubmitAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsync("/api/articles", new StringContent(text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task WaitAsync(HttpClient http, string id)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await tick.WaitForNextTickAsync())
        {
            var article = await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}");
            if (article!["status"]!.GetValue<string>() is "completed" or "failed")
                return;
        }
    }
}
