using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Pages;

namespace Grid.Cluster.Tests.Cli;

/// <summary><c>grid submit page.html</c> with a page saved from an Arabic site in windows-1256: Grid gets the Arabic a browser shows.</summary>
public sealed class GridCliSavedPageTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private const string SavedPage = "jordan-central-bank-windows-1256.html";

    private string Gateway => fixture.Silo.GatewayPort.ToString();

    [Fact]
    public async Task ASavedWindows1256PageIsSubmittedAsItsArabicTextAndACopyWithoutItsCharsetLabelIsTheSameArticle()
    {
        using var folder = new TemporaryFolder();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "samples", "pages", SavedPage));
        await File.WriteAllBytesAsync(folder.File("labelled.html"), bytes);
        await File.WriteAllBytesAsync(folder.File("unlabelled.html"), WithoutCharsetLabel(bytes));

        var submitted = await GridCliProcess.RunAsync("submit", folder.File("labelled.html"), "--wait", "--json", "--gateway-port", Gateway);

        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var article = JsonNode.Parse(submitted.Output)!.AsArray().Single()!;
        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.StartsWith(PageArticles.Windows1256TitleStart, article["title"]!["ar"]!.GetValue<string>());
        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.Equal(PageArticles.Windows1256ParagraphStarts.Length, paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var arabic = paragraphs[i]!["ar"]!.GetValue<string>();
            Assert.StartsWith(PageArticles.Windows1256ParagraphStarts[i], arabic);
            Assert.Equal(GridSettings.ExpectedEnglish(arabic), GridSettings.Collapse(paragraphs[i]!["en"]!.GetValue<string>()));
        }
        Assert.DoesNotContain('\uFFFD', article.ToJsonString());

        // Unlabelled, the bytes are not UTF-8, so they are read as windows-1256: the same text, so the same article.
        var unlabelled = await GridCliProcess.RunAsync("submit", folder.File("unlabelled.html"), "--json", "--gateway-port", Gateway);
        Assert.True(unlabelled.ExitCode == 0, unlabelled.Output + unlabelled.Errors);
        var receipt = JsonNode.Parse(unlabelled.Output)!.AsArray().Single()!;
        Assert.Equal(article["id"]!.GetValue<string>(), receipt["id"]!.GetValue<string>());
        Assert.True(receipt["alreadyKnown"]!.GetValue<bool>(), unlabelled.Output);
    }

    private static byte[] WithoutCharsetLabel(byte[] page)
    {
        var label = Encoding.ASCII.GetBytes("; charset=windows-1256");
        var at = page.AsSpan().IndexOf(label);
        Assert.True(at > 0, $"{SavedPage} has lost its http-equiv charset label");
        return [.. page[..at], .. page[(at + label.Length)..]];
    }
}
