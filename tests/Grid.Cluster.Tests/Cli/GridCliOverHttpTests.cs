using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Durability;

namespace Grid.Cluster.Tests.Cli;

/// <summary>The real <c>grid</c> process against a silo with API keys, over HTTP only.</summary>
public sealed class GridCliOverHttpTests(HttpOnlySiloFixture fixture) : IClassFixture<HttpOnlySiloFixture>
{
    private const int Unauthorized = 5;

    private const int NotFound = 3;

    [Fact]
    public async Task SubmittingAFolderWithWaitOverHttpCompletesEveryArticle()
    {
        using var folder = new TemporaryFolder();
        var articles = new[] { GeneratedArticle.FromSeed(1601), GeneratedArticle.FromSeed(1602), GeneratedArticle.FromSeed(1603, paragraphs: 3) };
        for (var i = 0; i < articles.Length; i++)
            await File.WriteAllTextAsync(folder.File($"{i}.txt"), articles[i].Text);

        var submitted = await GridCliProcess.RunAsync("submit", folder.Path, "--wait", "--json", "--url", fixture.Url, "--api-key", HttpOnlySiloFixture.Key);

        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var finished = JsonNode.Parse(submitted.Output)!.AsArray();
        Assert.Equal(articles.Length, finished.Count);
        Assert.All(finished, article => Assert.Equal("completed", article!["status"]!.GetValue<string>()));
        foreach (var article in articles)
        {
            var found = finished.Single(f => f!["title"]!["ar"]!.GetValue<string>() == article.Title)!;
            Assert.Equal(article.Paragraphs.Select(GridSettings.ExpectedEnglish), found["paragraphs"]!.AsArray().Select(p => GridSettings.Collapse(p!["en"]!.GetValue<string>())));
        }

        var again = await GridCliProcess.RunAsync("submit", folder.Path, "--wait", "--url", fixture.Url, "--api-key", HttpOnlySiloFixture.Key);
        Assert.True(again.ExitCode == 0, again.Output + again.Errors);
        Assert.Equal(articles.Length, again.Output.Split('\n').Count(line => line.Contains("(already known)")));
        Assert.Contains($"{articles.Length} completed, 0 failed, 0 refused.", again.Output);
    }

    [Fact]
    public async Task WatchShowAndListReadAnArticleOverHttpWithTheUrlAndKeyFromTheEnvironment()
    {
        var article = GeneratedArticle.FromSeed(1611, paragraphs: 4);
        var id = await SubmitAsync(article);
        var environment = new Dictionary<string, string> { ["GRID_URL"] = fixture.Url, ["GRID_API_KEY"] = HttpOnlySiloFixture.Key };

        var watched = await GridCliProcess.RunAsync(environment, "watch", id, "--json");
        Assert.True(watched.ExitCode == 0, watched.Output + watched.Errors);
        var events = watched.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.All(events, e => Assert.Equal(id, e["id"]!.GetValue<string>()));
        Assert.Equal("completed", events[^1]["status"]!.GetValue<string>());
        // The API's event data as it is: the one progress record, nested.
        Assert.Equal(events[^1]["progress"]!["chunksTotal"]!.GetValue<int>(), events[^1]["progress"]!["chunksDone"]!.GetValue<int>());
        var done = events.Select(e => e["progress"]!["chunksDone"]!.GetValue<int>()).ToList();
        Assert.Equal(done.Order(), done);

        var shown = await GridCliProcess.RunAsync(environment, "show", id);
        Assert.True(shown.ExitCode == 0, shown.Output + shown.Errors);
        Assert.Contains(article.Title, shown.Output);
        foreach (var paragraph in article.Paragraphs)
            Assert.Contains(paragraph, shown.Output);
        Assert.Contains("Summary", shown.Output);

        var json = await GridCliProcess.RunAsync(environment, "show", id, "--format", "json");
        Assert.True(json.ExitCode == 0, json.Output + json.Errors);
        var english = JsonNode.Parse(json.Output)!["paragraphs"]!.AsArray().Select(p => GridSettings.Collapse(p!["en"]!.GetValue<string>()));
        Assert.Equal(article.Paragraphs.Select(GridSettings.ExpectedEnglish), english);

        var listed = await GridCliProcess.RunAsync(environment, "list", "--json", "--page-size", "100");
        Assert.True(listed.ExitCode == 0, listed.Output + listed.Errors);
        var item = JsonNode.Parse(listed.Output)!["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal(article.Title, item["title"]!["ar"]!.GetValue<string>());

        var table = await GridCliProcess.RunAsync(environment, "list");
        Assert.True(table.ExitCode == 0, table.Output + table.Errors);
        Assert.Contains(table.Output.Split('\n'), line => line.Contains(id) && line.Contains("completed"));
    }

    [Fact]
    public async Task AWrongKeyExitsWithItsOwnCodeAndSaysTheKeyWasRefused()
    {
        var wrong = await GridCliProcess.RunAsync("list", "--url", fixture.Url, "--api-key", "not-the-key-0000000000");
        Assert.Equal(Unauthorized, wrong.ExitCode);
        Assert.Contains("refused the API key", wrong.Output);
        Assert.Contains("does not hold a key this Grid knows", wrong.Output);
        Assert.Contains("--api-key or GRID_API_KEY", wrong.Output);

        var none = await GridCliProcess.RunAsync("show", "abc", "--url", fixture.Url);
        Assert.Equal(Unauthorized, none.ExitCode);
        Assert.Contains("needs an API key", none.Output);
    }

    [Fact]
    public async Task WatchingAnUnknownArticleOverHttpExitsAsNotFound()
    {
        var watched = await GridCliProcess.RunAsync("watch", "no-such-article", "--url", fixture.Url, "--api-key", HttpOnlySiloFixture.Key);
        Assert.Equal(NotFound, watched.ExitCode);
        Assert.Contains("No article has the id 'no-such-article'", watched.Output);
    }

    [Fact]
    public async Task AnUnreachableUrlExitsAsNoSiloReachableAndSaysWhereItLooked()
    {
        var status = await GridCliProcess.RunAsync("status", "abc", "--url", "http://127.0.0.1:1");
        Assert.Equal(4, status.ExitCode);
        Assert.Contains("could not be reached at http://127.0.0.1:1/", status.Output);
    }

    [Fact]
    public async Task TheToolPackedAndInstalledAsTheReadmeSaysIsTheGridCommand()
    {
        using var folder = new TemporaryFolder();
        var grid = await InstalledGridTool.InstallAsync(folder.Path);
        var id = await SubmitAsync(GeneratedArticle.FromSeed(1621));

        var status = await GridCliProcess.RunInstalledAsync(grid, "status", id, "--url", fixture.Url, "--api-key", HttpOnlySiloFixture.Key);

        Assert.True(status.ExitCode is 0, status.Output + status.Errors);
        Assert.StartsWith(id, status.Output);
    }

    private async Task<string> SubmitAsync(GeneratedArticle article)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { text = article.Text }) };
        request.Headers.Add("X-Api-Key", HttpOnlySiloFixture.Key);
        using var posted = await fixture.Http.SendAsync(request);
        posted.EnsureSuccessStatusCode();
        return (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
