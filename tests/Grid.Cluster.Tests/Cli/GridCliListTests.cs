using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Cli;

public sealed class GridCliListTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private string Gateway => fixture.Silo.GatewayPort.ToString();

    [Fact]
    public async Task ListShowsTheSubmittedArticleWithItsStatusAsATableAndAsJson()
    {
        using var folder = new TemporaryFolder();
        var article = GeneratedArticle.FromSeed(401);
        await File.WriteAllTextAsync(folder.File("article.txt"), article.Text);
        var submitted = await GridCliProcess.RunAsync("submit", folder.File("article.txt"), "--wait", "--json", "--gateway-port", Gateway);
        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var id = JsonNode.Parse(submitted.Output)!.AsArray()[0]!["id"]!.GetValue<string>();
        await fixture.Http.GetUntilAsync("/api/articles?status=completed", list => list.Ids().Contains(id));

        var json = await GridCliProcess.RunAsync("list", "--json", "--gateway-port", Gateway);
        Assert.True(json.ExitCode == 0, json.Output + json.Errors);
        var item = JsonNode.Parse(json.Output)!["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("completed", item["status"]!.GetValue<string>());

        var table = await GridCliProcess.RunAsync("list", "--status", "completed", "--gateway-port", Gateway);
        Assert.True(table.ExitCode == 0, table.Output + table.Errors);
        var row = table.Output.Split('\n').Single(line => line.Contains(id));
        Assert.Contains("completed", row);
        Assert.Matches(@"1-\d+ of \d+", table.Output);

        var none = await GridCliProcess.RunAsync("list", "--status", "failed", "--gateway-port", Gateway);
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No failed articles", none.Output);
    }

    [Fact]
    public async Task DeleteRemovesTheArticleAndAnUnknownIdExitsWithThree()
    {
        using var posted = await fixture.Http.PostAsJsonAsync("/api/articles", new { text = GeneratedArticle.FromSeed(402).Text });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var deleted = await GridCliProcess.RunAsync("delete", id, "--gateway-port", Gateway);
        Assert.True(deleted.ExitCode == 0, deleted.Output + deleted.Errors);
        Assert.Contains($"Deleted {id}", deleted.Output);

        var again = await GridCliProcess.RunAsync("delete", id, "--gateway-port", Gateway);
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("No article has the id", again.Output);
    }

    [Fact]
    public async Task ListWithAStatusThatDoesNotExistExitsWithTwoAndNamesTheStatuses()
    {
        var listed = await GridCliProcess.RunAsync("list", "--status", "done", "--gateway-port", Gateway);
        Assert.Equal(2, listed.ExitCode);
        Assert.Contains("queued, translating, summarizing, completed, failed", listed.Output + listed.Errors);
    }
}
