using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Cli;

public sealed class GridCliSubmitAndShowTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private string Gateway => fixture.Silo.GatewayPort.ToString();

    [Fact]
    public async Task SubmittingAFolderOfFiveArticlesWithWaitCompletesThemAllAndReadsHtmlAsItsArticleText()
    {
        using var folder = new TemporaryFolder();
        var page = GeneratedArticle.FromSeed(1103, paragraphs: 3);
        await File.WriteAllTextAsync(folder.File("1-wire.txt"), GeneratedArticle.FromSeed(1101).Text);
        await File.WriteAllTextAsync(folder.File("2-notes.md"), GeneratedArticle.FromSeed(1102).Text);
        await File.WriteAllTextAsync(folder.File("3-page.html"), ScrapedPage(page));
        await File.WriteAllTextAsync(folder.File("4-bare.htm"), $"<p>{string.Join("</p><p>", GeneratedArticle.FromSeed(1104).Paragraphs)}</p>");
        await File.WriteAllTextAsync(folder.File("5-wire.txt"), GeneratedArticle.FromSeed(1105).Text);
        await File.WriteAllBytesAsync(folder.File("6-photo.png"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0]);

        var submitted = await GridCliProcess.RunAsync("submit", folder.Path, "--wait", "--json", "--gateway-port", Gateway);

        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var finished = JsonNode.Parse(submitted.Output)!.AsArray();
        Assert.Equal(5, finished.Count);
        Assert.All(finished, article => Assert.Equal("completed", article!["status"]!.GetValue<string>()));

        var fromHtml = finished.Single(article => article!["paragraphs"]!.AsArray().Any(p => p!["ar"]!.GetValue<string>() == page.Paragraphs[0]))!;
        Assert.Equal(page.Title, fromHtml["title"]!["ar"]!.GetValue<string>());
        Assert.Equal(page.Paragraphs, fromHtml["paragraphs"]!.AsArray().Select(p => p!["ar"]!.GetValue<string>()));
        var everything = fromHtml.ToJsonString();
        Assert.DoesNotContain("trackVisit", everything);
        Assert.DoesNotContain("القائمة الرئيسية", everything);
        Assert.DoesNotContain("جميع الحقوق محفوظة", everything);

        var again = await GridCliProcess.RunAsync("submit", folder.Path, "--wait", "--gateway-port", Gateway);
        Assert.True(again.ExitCode == 0, again.Output + again.Errors);
        Assert.Equal(5, again.Output.Split('\n').Count(line => line.Contains("(already known)")));
        Assert.Contains("5 completed, 0 failed, 0 refused.", again.Output);
    }

    [Fact]
    public async Task ShowGivesTheArticleAsTextMarkdownJsonAndAStandaloneBilingualPage()
    {
        var article = GeneratedArticle.FromSeed(1201, paragraphs: 3);
        var marked = article.Paragraphs[1].Insert(article.Paragraphs[1].IndexOf(' '), " <b>عاجل</b> <script>alert(1)</script>");
        using var posted = await fixture.Http.PostAsJsonAsync("/api/articles", new { text = string.Join("\n\n", article.Paragraphs[0], marked, article.Paragraphs[2]), title = article.Title });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var stored = await fixture.Http.WaitUntilFinishedAsync(id);
        var english = stored["paragraphs"]!.AsArray().Select(p => p!["en"]!.GetValue<string>()).ToList();

        var text = await GridCliProcess.RunAsync("show", id, "--gateway-port", Gateway);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains(article.Title, text.Output);
        for (var i = 0; i < english.Count; i++)
            Assert.Contains($"{stored["paragraphs"]![i]!["ar"]!.GetValue<string>()}\n\n{english[i]}\n", text.Output);
        Assert.Contains("Summary", text.Output);

        var markdown = await GridCliProcess.RunAsync("show", id, "--format", "markdown", "--gateway-port", Gateway);
        Assert.Equal(0, markdown.ExitCode);
        Assert.StartsWith("# ", markdown.Output);
        Assert.Contains($"> {article.Paragraphs[0]}", markdown.Output);

        var json = await GridCliProcess.RunAsync("show", id, "--format", "json", "--gateway-port", Gateway);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(id, JsonNode.Parse(json.Output)!["id"]!.GetValue<string>());

        var html = await GridCliProcess.RunAsync("show", id, "--format", "html", "--gateway-port", Gateway);
        Assert.Equal(0, html.ExitCode);
        var page = new HtmlParser().ParseDocument(html.Output);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("meta[charset='utf-8']"));
        var pairs = page.QuerySelectorAll("main .pair").ToList();
        Assert.Equal(3, pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var arabic = pairs[i].QuerySelector("[lang='ar']")!;
            Assert.Equal("rtl", arabic.GetAttribute("dir"));
            Assert.Equal(stored["paragraphs"]![i]!["ar"]!.GetValue<string>(), arabic.TextContent);
            Assert.Equal(english[i], pairs[i].QuerySelector("[lang='en']")!.TextContent);
        }
        Assert.Empty(page.QuerySelectorAll("main b, script"));
        Assert.Contains("<b>عاجل</b> <script>alert(1)</script>", pairs[1].QuerySelector("[lang='ar']")!.TextContent);
        Assert.Equal(article.Title, page.QuerySelector("h1[lang='ar'][dir='rtl']")!.TextContent);
        Assert.NotNull(page.QuerySelector(".summary [lang='ar'][dir='rtl']"));
    }

    /// <summary>A saved news page: the article among a site's navigation, scripts, styles, share bar and footer.</summary>
    private static string ScrapedPage(GeneratedArticle article) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
          <meta charset="utf-8">
          <title>{article.Title} - كتابات</title>
          <style>body {"{"} font-family: serif; {"}"}</style>
          <script>function trackVisit() {"{"} return 1; {"}"}</script>
        </head>
        <body>
          <header><nav><a href="/">القائمة الرئيسية</a> <a href="/politics">سياسة</a></nav></header>
          <aside>الأكثر قراءة: خبر آخر لا علاقة له بالمقال</aside>
          <article>
            <h1>{article.Title}</h1>
            {string.Join("\n    ", article.Paragraphs.Select(p => $"<p>{p}</p>"))}
            <script>trackVisit();</script>
          </article>
          <footer>جميع الحقوق محفوظة © 2024 كتابات</footer>
        </body>
        </html>
        """;
}
