using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Articles;
using Grid.Grains.Storage;
using Grid.Grains.Text;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// An article gathers the progress the caches hold for <c>Grid:Articles:SaveWindow</c> and writes it once
/// (ArticleGrain.SaveWindow.cs): answers that arrive together cost one write, and a silo that dies before that write
/// costs no LLM call, since the chunk grains give the same answers again from what they stored.
/// </summary>
public sealed class GatheredProgressTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task AnswersArrivingWithinTheSaveWindowAreWrittenWithTheArticlesNextWrite()
    {
        CountingGrainStorage? storage = null;
        var settings = new Dictionary<string, string?>
        {
            ["Grid:Llm:Endpoints:0:Slots"] = "8",
            ["Grid:Articles:MaxRequestsOut"] = "8",
            // Longer than the whole article: every answer is gathered until the final write takes it.
            ["Grid:Articles:SaveWindow"] = "00:05:00",
        };
        await using var grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 8, TokensPerSecond = 0 }, settings: settings, configure: builder =>
            builder.Services.DecorateGrainStorage(GridStorage.Articles, (_, inner) => storage = new CountingGrainStorage(inner)));
        var text = SharedParagraphArticles.Page(SharedParagraphArticles.Generate(count: 1, paragraphs: 14, sharedShare: 0, seed: 404)[0]);
        var chunks = GridSettings.ChunkKeys(text).Count;
        Assert.True(chunks >= 4, $"{chunks} chunks: too few answers to show them written together");
        var id = ContentHash.Of(text);

        var receipt = await grid.Grid.SubmitAsync(new ArticleSubmission(text));
        var article = await grid.Grid.WaitAsync(receipt.Id!);

        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.Equal(chunks, article.Progress.ChunksDone);
        // Stored at submission, after the glossary call (paid, kept nowhere else), and finished: the answers, the status
        // moving on and the paragraph lookups ride on the last of these.
        var grain = grid.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IArticleGrain>(id).GetGrainId();
        Assert.Equal(3, storage!.Writes("article", grain));
    }

    [Fact]
    public async Task AnswersGatheredButUnwrittenWhenTheSiloDiesAreNotPaidForAgain()
    {
        await using var disk = await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 1, TokensPerSecond = 120 });
        var settings = new Dictionary<string, string?>
        {
            ["Grid:Llm:Endpoints:0:Slots"] = "1",
            ["Grid:Articles:MaxRequestsOut"] = "1",
            ["Grid:Articles:SaveWindow"] = "00:05:00",
        };
        var paragraphs = SharedParagraphArticles.Generate(count: 1, paragraphs: 14, sharedShare: 0, seed: 405)[0];
        var text = SharedParagraphArticles.Page(paragraphs);
        Assert.True(GridSettings.ChunkKeys(text).Count >= 4, "too few chunks to stop the article half way");
        var id = ContentHash.Of(text);
        List<string> shown;
        DateTimeOffset killOver;

        await using (var silo = await disk.StartSiloAsync(settings))
        {
            using var http = silo.CreateClient();
            using (var posted = await http.PostAsJsonAsync("/api/articles", new { text }))
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            await Poll.UntilAsync("a first answer", async () => (await EnglishShownAsync(http, id)).Count > 0, Patience);
            // From here no LLM answer comes back: the article stops half way, its answers gathered in memory.
            disk.Emulator.UpdateSettings(emulator => emulator with { FaultHang = 1 });
            shown = await EnglishShownAsync(http, id);

            var stored = await StoredAsync(silo, id);
            Assert.Equal(ArticleStatus.Queued, stored.Status);
            Assert.Empty(stored.Plan!.Answers);
            await silo.KillSiloAsync(silo.Silos[0]);
            killOver = DateTimeOffset.UtcNow;
        }
        disk.Emulator.UpdateSettings(emulator => emulator with { FaultHang = 0 });

        await using var restarted = await disk.StartSiloAsync(settings);
        using var reader = restarted.CreateClient();
        var article = await reader.WaitUntilFinishedAsync(id, Patience);

        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.All(article["paragraphs"]!.AsArray(), paragraph => Assert.NotNull(paragraph!["en"]));
        Assert.DoesNotContain(disk.Emulator.Requests, request => request.ReceivedAt > killOver && WorkAtRisk.IsTranslation(request) && WorkAtRisk.Carries(request, shown));
    }

    /// <summary>The Arabic of the paragraphs whose English the article shows (from its memory: its chunk grain stored that answer first).</summary>
    private static async Task<List<string>> EnglishShownAsync(HttpClient http, string id)
    {
        var article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        return [.. article["paragraphs"]!.AsArray().Where(paragraph => paragraph!["en"] is not null).Select(paragraph => paragraph!["ar"]!.GetValue<string>())];
    }

    /// <summary>The article's state as stored, read past the article (asking it would answer from its memory).</summary>
    private static async Task<ArticleState> StoredAsync(GridSiloHost silo, string id)
    {
        var stored = new GrainState<ArticleState>(new());
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await silo.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Articles).ReadStateAsync("article", grains.GetGrain<IArticleGrain>(id).GetGrainId(), stored);
        return stored.State!;
    }
}
