using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Api;

public sealed class ArticleDeletionTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task ADeletedArticleIsGoneFromEveryRouteAndTheListButItsTranslationsStayCached()
    {
        var text = GeneratedArticle.FromSeed(901, paragraphs: 3).Text;
        var id = await SubmitAsync(text);
        await Http.WaitUntilFinishedAsync(id);
        await Http.GetUntilAsync("/api/articles?pageSize=100", list => list.Ids().Contains(id));
        var translations = fixture.Emulator.Stats.TranslationRequests;

        using var deleted = await Http.DeleteAsync($"/api/articles/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        foreach (var route in new[] { $"/api/articles/{id}", $"/api/articles/{id}/summary", $"/api/articles/{id}/events" })
        {
            using var gone = await Http.GetAsync(route);
            Assert.True(HttpStatusCode.NotFound == gone.StatusCode, $"{route}: {gone.StatusCode}");
        }
        await Http.GetUntilAsync("/api/articles?pageSize=100", list => !list.Ids().Contains(id));
        using var deletedAgain = await Http.DeleteAsync($"/api/articles/{id}");
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);

        using var resubmitted = await Http.PostAsJsonAsync("/api/articles", new { text });
        var receipt = (await resubmitted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(id, receipt["id"]!.GetValue<string>());
        Assert.False(receipt["alreadyKnown"]!.GetValue<bool>());
        var again = await Http.WaitUntilFinishedAsync(id);
        Assert.Equal("completed", again["status"]!.GetValue<string>());
        Assert.Equal(translations, fixture.Emulator.Stats.TranslationRequests);
        // The new article paid for no translation: the deleted one's work is cache to it.
        var usage = again["usage"]!;
        Assert.DoesNotContain(usage["stages"]!.AsArray(), stage => stage!["stage"]!.GetValue<string>() == "translate");
        Assert.InRange(usage["cachedChunks"]!.GetValue<int>(), again["progress"]!["chunksTotal"]!.GetValue<int>(), int.MaxValue);
        await Http.GetUntilAsync("/api/articles?pageSize=100", list => list.Ids().Contains(id));
    }

    [Fact]
    public async Task AnArticleDeletedWhileItTranslatesDoesNotComeBackWhenItsChunksFinish()
    {
        fixture.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = 100 });
        try
        {
            var id = await SubmitAsync(SampleArticles.Seed.Replace("أربعة ملفات", "ستة ملفات"));
            await Http.GetUntilAsync($"/api/articles/{id}", article => article["status"]!.GetValue<string>() == "translating");

            using var deleted = await Http.DeleteAsync($"/api/articles/{id}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await fixture.Emulator.WaitUntilAsync(stats => stats.InFlight == 0 && stats.Queued == 0, timeout.Token);
            using var gone = await Http.GetAsync($"/api/articles/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.DoesNotContain(id, (await Http.GetFromJsonAsync<JsonObject>("/api/articles?pageSize=100"))!.Ids());
        }
        finally
        {
            fixture.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        }
    }

    [Fact]
    public async Task DeletingAnUnknownArticleIs404WithAProblem()
    {
        using var response = await Http.DeleteAsync("/api/articles/0000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private async Task<string> SubmitAsync(string text)
    {
        using var response = await Http.PostAsJsonAsync("/api/articles", new { text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
