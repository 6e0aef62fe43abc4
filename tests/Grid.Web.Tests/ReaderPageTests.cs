using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

public sealed class ReaderPageTests(ReaderGrid grid) : IClassFixture<ReaderGrid>
{
    [Fact]
    public async Task ThePagesAskNothingOfAnyOriginButTheSiloAndLogNoErrors()
    {
        var page = await grid.OpenPageAsync();
        var watch = new PageWatch(page);
        var id = await SubmitAsync(await File.ReadAllTextAsync(SeedArticle.Path));

        await page.GotoAsync("/");
        await Expect(page.Locator($"li.article-item[data-id='{id}']")).ToBeVisibleAsync();
        await page.GotoAsync($"/articles/{id}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        await Expect(page.Locator("#paragraphs > .pair").First).ToBeVisibleAsync();

        var origin = grid.Silo.Address.GetLeftPart(UriPartial.Authority);
        Assert.Contains(watch.Requests, url => url.StartsWith($"{origin}/reader/", StringComparison.Ordinal));
        Assert.Contains(watch.Requests, url => url.StartsWith($"{origin}/api/articles/{id}", StringComparison.Ordinal));
        Assert.All(watch.Requests, url => Assert.True(
            url.StartsWith($"{origin}/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            $"The page asked for {url}, outside {origin}."));
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task ArticleTextIsShownAsTextNeverRunAsMarkup()
    {
        const string Trap = "<img src=x onerror=\"document.body.dataset.trapped='yes'\">";
        var text = $"""
            عنوان الخبر <b>العاجل</b>

            قال المتحدث {Trap} إن الاجتماع انتهى مساء اليوم بعد نقاش طويل حول الميزانية.

            وأضاف أن <script>document.body.dataset.trapped='yes'</script> الوفد سيعود إلى العاصمة غدا صباحا.
            """;
        var id = await SubmitAsync(text);
        var page = await grid.OpenPageAsync();
        await page.GotoAsync($"/articles/{id}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });

        var article = (await grid.Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.Contains(article["paragraphs"]!.AsArray(), paragraph => paragraph!["ar"]!.GetValue<string>().Contains(Trap));
        await Expect(page.Locator("#paragraphs .ar").Filter(new() { HasText = Trap })).ToHaveCountAsync(1);
        await Expect(page.Locator("#article img, #article script, #article b")).ToHaveCountAsync(0);
        Assert.Null(await page.Locator("body").GetAttributeAsync("data-trapped"));
    }

    [Fact]
    public async Task AnUnknownIdIsAReadableNotFound()
    {
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/articles/no-such-article");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No article has the id 'no-such-article'");
        await Expect(page.Locator("#article")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "See all articles" })).ToHaveAttributeAsync("href", "/");
    }

    [Fact]
    public async Task ARefusedSubmissionShowsTheApisDetail()
    {
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("The article's text, in Arabic").FillAsync("This text has no Arabic in it at all.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing to translate");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Arabic");
        await Expect(page.Locator("#submission")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ASiloThatDoesNotAnswerIsSaidToBeUnreachable()
    {
        var page = await grid.OpenPageAsync();
        await page.RouteAsync("**/api/**", route => route.AbortAsync("connectionrefused"));
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Grid cannot be reached");
    }

    [Fact]
    public async Task ASavedWebPageIsSentAsItIsAndTheServerExtractsItsArticle()
    {
        var saved = Path.Combine(AppContext.BaseDirectory, "samples", "pages", "kitabat-pentagon-iraq.html");
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Or a file").SetInputFilesAsync(saved);
        await Expect(page.GetByLabel("The article's text, in Arabic")).ToHaveValueAsync("");
        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync(),
            request => request.Url.EndsWith("/api/articles", StringComparison.Ordinal) && request.Method == "POST");

        var sent = JsonNode.Parse(request.PostData!)!.AsObject();
        Assert.Equal(await File.ReadAllTextAsync(saved), sent["html"]!.GetValue<string>());
        Assert.False(sent.ContainsKey("text"));
        await Expect(page.Locator("#submission-status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        var id = (await page.Locator("#submission-link").GetAttributeAsync("href"))!.Split('/')[^1];
        var article = (await grid.Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.StartsWith("لبحث العلاقات العسكرية", article["title"]!["ar"]!.GetValue<string>());
        var paragraphs = article["paragraphs"]!.AsArray().Select(p => p!["ar"]!.GetValue<string>()).ToList();
        Assert.Equal(11, paragraphs.Count);
        Assert.DoesNotContain(paragraphs, p => p.Contains("أخبار ذات صلة") || p.Contains("Facebook"));
    }

    [Fact]
    public async Task TheListFiltersByStatusAndPagesWithTheAddress()
    {
        var id = await SubmitAsync(await File.ReadAllTextAsync(SeedArticle.Path));
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator($"li.article-item[data-id='{id}'] .status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });

        await page.GetByLabel("Status").SelectOptionAsync("failed");
        await Expect(page).ToHaveURLAsync(new Regex(@"/\?status=failed$"));
        await Expect(page.Locator("#list-summary")).ToHaveTextAsync("No failed articles yet.");
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(0);

        await page.GoBackAsync();
        await Expect(page.Locator($"li.article-item[data-id='{id}']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "← Newer" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task TheEnglishIsCopiedAndDownloadedFromTheKeyboard()
    {
        var id = await SubmitAsync(await File.ReadAllTextAsync(SeedArticle.Path));
        var page = await grid.OpenPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync($"/articles/{id}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        var article = (await grid.Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        var english = article["paragraphs"]!.AsArray().Select(paragraph => paragraph!["en"]!.GetValue<string>()).ToList();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "JSON" })).ToHaveAttributeAsync("href", $"/api/articles/{id}");

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy the English" });
        await TabToAsync(page, copy);
        Assert.NotEqual("none", await copy.EvaluateAsync<string>("element => getComputedStyle(element).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The English is copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.All(english, paragraph => Assert.Contains(paragraph, copied));

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Download the English" }));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal($"{id}.en.txt", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal(copied, saved);
    }

    /// <summary>Presses Tab until the element has the focus, as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
                return;
        }
        Assert.Fail($"Tab never reached {target}.");
    }

    private async Task<string> SubmitAsync(string text)
    {
        var response = await grid.Http.PostAsJsonAsync("/api/articles", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
