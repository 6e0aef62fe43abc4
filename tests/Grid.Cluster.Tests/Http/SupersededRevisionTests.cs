using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.OllamaEmulator.Content;

namespace Grid.Cluster.Tests.Http;

/// <summary>
/// A revision given while the one before is still in work supersedes it: the newest text is what the
/// article ends with, every paragraph in its English, and no summary is made for a revision no one will read.
/// </summary>
public sealed class SupersededRevisionTests(RevisionsSiloFixture fixture) : IClassFixture<RevisionsSiloFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task TwoUpdatesWhileTheFirstRevisionIsStillTranslatingEndInTheThirdWithOneSummary()
    {
        var generated = SharedParagraphArticles.Generate(count: 3, paragraphs: 8, sharedShare: 0, seed: 57);
        var first = generated[0];
        List<string> second = [generated[1][0], .. first[1..]];
        List<string> third = [generated[1][0], .. first[1..^1], generated[2][0]];
        const string id = "story-superseded-twice";
        var asked = fixture.Emulator.Requests.Count;
        // A model that takes two seconds to its first token: the first revision is still out when the updates come.
        fixture.Emulator.UpdateSettings(settings => settings with { TtftMs = 2000 });
        try
        {
            using (var posted = await Http.PostAsJsonAsync("/api/articles", new { text = SharedParagraphArticles.Page(first), id }))
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            foreach (var (text, revision) in new[] { (second, 2), (third, 3) })
            {
                using var put = await Http.PutAsJsonAsync($"/api/articles/{id}", new { text = SharedParagraphArticles.Page(text) });
                Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
                Assert.Equal(revision, (await put.Content.ReadFromJsonAsync<JsonObject>())!["revision"]!.GetValue<int>());
            }
            var translating = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
            Assert.NotEqual("completed", translating["status"]!.GetValue<string>());
        }
        finally
        {
            fixture.Emulator.UpdateSettings(settings => settings with { TtftMs = 0 });
        }

        var article = await Http.WaitUntilFinishedAsync(id);

        Assert.Equal(("completed", 3), (article["status"]!.GetValue<string>(), article["revision"]!.GetValue<int>()));
        var shown = article["paragraphs"]!.AsArray();
        Assert.Equal(third, shown.Select(paragraph => paragraph!["ar"]!.GetValue<string>()));
        Assert.All(shown, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph!["ar"]!.GetValue<string>()), GridSettings.Collapse(paragraph["en"]!.GetValue<string>())));
        Assert.NotNull(article["summary"]);
        var calls = fixture.Emulator.Requests.Skip(asked).Where(request => request.Served).ToList();
        var summary = Assert.Single(calls, request => request.Task == RequestTasks.Structured);
        Assert.Contains(GridSettings.ExpectedEnglish(generated[2][0]), GridSettings.Collapse(summary.LastUserMessage!));
        // Nothing made for one revision is paid again for another: each paragraph of the third is translated once,
        // and one that only a superseded revision had at most once (work not yet sent is dropped).
        var translated = calls.Where(request => request.Task == RequestTasks.Translation).Select(request => request.LastUserMessage!).ToList();
        Assert.All(third, paragraph => Assert.Single(translated, source => source.Contains(paragraph)));
        Assert.All(first.Concat(second).Except(third), paragraph => Assert.InRange(translated.Count(source => source.Contains(paragraph)), 0, 1));
    }

    [Fact]
    public async Task AnUpdateWhileTheFirstRevisionIsBeingSummarizedDropsThatSummaryAndFinishesOnlyWhenTheSecondIsTranslated()
    {
        var generated = SharedParagraphArticles.Generate(count: 2, paragraphs: 8, sharedShare: 0, seed: 58);
        var first = generated[0];
        List<string> second = [.. first[..4], generated[1][0], .. first[5..]];
        const string id = "story-updated-while-summarized";
        // Every call takes a second and a half to its first token, so the first revision's summary is still out when the update comes.
        fixture.Emulator.UpdateSettings(settings => settings with { TtftMs = 1500 });
        try
        {
            using (var posted = await Http.PostAsJsonAsync("/api/articles", new { text = SharedParagraphArticles.Page(first), id }))
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            await Poll.UntilAsync("the first revision to reach its summary",
                async () => (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!["status"]!.GetValue<string>() == "summarizing", TimeSpan.FromMinutes(1));
            using var put = await Http.PutAsJsonAsync($"/api/articles/{id}", new { text = SharedParagraphArticles.Page(second) });
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);

            var article = await Http.WaitUntilFinishedAsync(id);

            Assert.Equal(("completed", 2), (article["status"]!.GetValue<string>(), article["revision"]!.GetValue<int>()));
            var shown = article["paragraphs"]!.AsArray();
            Assert.Equal(second, shown.Select(paragraph => paragraph!["ar"]!.GetValue<string>()));
            Assert.All(shown, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph!["ar"]!.GetValue<string>()), GridSettings.Collapse(paragraph["en"]?.GetValue<string>() ?? "(none)")));
            Assert.NotNull(article["summary"]);
        }
        finally
        {
            fixture.Emulator.UpdateSettings(settings => settings with { TtftMs = 0 });
        }
    }
}
