using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Api;

public sealed class ArticleEventsTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private static readonly string[] StatusOrder = ["queued", "translating", "summarizing", "completed"];

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task TheEventStreamSendsProgressInOrderAndEndsWithCompleted()
    {
        // Paced output, so that the article takes a few seconds and the stream sees it move.
        fixture.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = 400 });
        try
        {
            using var posted = await Http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));
            var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{id}/events") { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/event-stream") } } };
            using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
            var events = await ServerSentEvent.ReadAllAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);

            Assert.All(events[..^1], e => Assert.Equal("progress", e.Type));
            var end = events[^1];
            Assert.Equal("end", end.Type);
            Assert.Equal(id, end.Data!["id"]!.GetValue<string>());
            Assert.Equal("completed", end.Data["status"]!.GetValue<string>());
            Assert.Equal(end.Data["progress"]!["chunksTotal"]!.GetValue<int>(), end.Data["progress"]!["chunksDone"]!.GetValue<int>());

            var progress = events[..^1].Select(e => e.Data!).ToList();
            Assert.True(progress.Count >= 2, $"the stream saw the article move: {string.Join(" | ", progress.Select(p => p.ToJsonString()))}");
            Assert.Equal("completed", progress[^1]["status"]!.GetValue<string>());
            Assert.All(progress[..^1], p => Assert.NotEqual("completed", p["status"]!.GetValue<string>()));
            var statuses = progress.Select(p => Array.IndexOf(StatusOrder, p["status"]!.GetValue<string>())).ToList();
            Assert.Equal(statuses.Order(), statuses);
            var done = progress.Select(p => p["progress"]!["chunksDone"]!.GetValue<int>()).ToList();
            Assert.Equal(done.Order(), done);
            for (var i = 1; i < progress.Count; i++)
                Assert.NotEqual(progress[i - 1].ToJsonString(), progress[i].ToJsonString());
            Assert.Equal(Enumerable.Range(1, events.Count).Select(n => n.ToString()), events.Select(e => e.Id));
        }
        finally
        {
            fixture.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        }
    }

    [Fact]
    public async Task TheEventStreamOfAFinishedArticleIsItsProgressThenTheEnd()
    {
        using var posted = await Http.PostAsJsonAsync("/api/articles", new { text = GeneratedArticle.FromSeed(501).Text });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await Http.WaitUntilFinishedAsync(id);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = await ServerSentEvent.ReadAllAsync(await Http.GetStreamAsync($"/api/articles/{id}/events", timeout.Token), timeout.Token);

        Assert.Equal(["progress", "end"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("completed", e.Data!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheEventStreamOfAnUnknownArticleIs404WithAProblem()
    {
        using var response = await Http.GetAsync("/api/articles/0000000000000000/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
