using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Cli;

/// <summary><c>grid update &lt;id&gt; &lt;file&gt;</c>, the real process, over the Orleans gateway and over HTTP.</summary>
public sealed class GridCliUpdateTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private const int NotFound = 3;

    [Theory]
    [InlineData("gateway")]
    [InlineData("http")]
    public async Task UpdatingAnArticleFromAFileWithWaitMakesRevisionTwoWithTheChangedParagraphMarked(string over)
    {
        var article = GeneratedArticle.FromSeed(over == "http" ? 1702 : 1701, paragraphs: 3);
        var id = $"cli-updated-{over}";
        using (var posted = await fixture.Http.PostAsJsonAsync("/api/articles", new { text = string.Join("\n\n", article.Paragraphs), id, title = article.Title }))
            posted.EnsureSuccessStatusCode();
        await fixture.Http.WaitUntilFinishedAsync(id);
        var added = GeneratedArticle.FromSeed(1703, paragraphs: 1).Paragraphs[0];
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("v2.txt"), string.Join("\n\n", article.Paragraphs.Append(added)));
        string[] connection = over == "http" ? ["--url", fixture.Silo.Address.ToString()] : ["--gateway-port", fixture.Silo.GatewayPort.ToString()];

        var updated = await GridCliProcess.RunAsync(["update", id, folder.File("v2.txt"), "--wait", "--json", .. connection]);

        Assert.True(updated.ExitCode == 0, updated.Output + updated.Errors);
        var shown = JsonNode.Parse(updated.Output)!;
        Assert.Equal(("completed", 2), (shown["status"]!.GetValue<string>(), shown["revision"]!.GetValue<int>()));
        Assert.Equal([false, false, false, true], shown["paragraphs"]!.AsArray().Select(paragraph => paragraph!["changed"]!.GetValue<bool>()));
        Assert.Equal(GridSettings.ExpectedEnglish(added), GridSettings.Collapse(shown["paragraphs"]![3]!["en"]!.GetValue<string>()));
        Assert.Equal(article.Title, shown["title"]!["ar"]!.GetValue<string>());

        // Read back in every format: only the added paragraph carries the mark, the reader page's words.
        var text = await GridCliProcess.RunAsync(["show", id, .. connection]);
        Assert.True(text.ExitCode == 0, text.Output + text.Errors);
        Assert.Contains("Revision: 2", text.Output);
        var marked = text.Output.IndexOf("[Changed in revision 2]", StringComparison.Ordinal);
        Assert.True(marked > text.Output.IndexOf(article.Paragraphs[^1], StringComparison.Ordinal) && text.Output.IndexOf(added, StringComparison.Ordinal) > marked, text.Output);
        Assert.Equal(1, text.Output.Split("Changed in revision").Length - 1);
        var markdown = await GridCliProcess.RunAsync(["show", id, "--format", "markdown", .. connection]);
        Assert.Contains($"*Changed in revision 2*\n> {added}", markdown.Output.ReplaceLineEndings("\n"));
        var html = await GridCliProcess.RunAsync(["show", id, "--format", "html", .. connection]);
        Assert.Contains("<div class=\"pair changed\" id=\"p3\">", html.Output);
        Assert.Equal(1, html.Output.Split("pair changed").Length - 1);

        var again = await GridCliProcess.RunAsync(["update", id, folder.File("v2.txt"), .. connection]);
        Assert.True(again.ExitCode == 0, again.Output + again.Errors);
        Assert.Contains("revision 2", again.Output);
        Assert.Contains("unchanged", again.Output);
    }

    [Fact]
    public async Task UpdatingAnUnknownIdSaysSoAndExitsNotFound()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(folder.File("v2.txt"), GeneratedArticle.FromSeed(1704, paragraphs: 2).Text);

        var updated = await GridCliProcess.RunAsync("update", "never-submitted", folder.File("v2.txt"), "--gateway-port", fixture.Silo.GatewayPort.ToString());

        Assert.Equal(NotFound, updated.ExitCode);
        Assert.Contains("never-submitted", updated.Output);
    }
}
