using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

/// <summary>What a reader does and sees, step by step, at any screen size.</summary>
internal static class ReaderFlow
{
    /// <summary>
    /// On <c>/</c>: chooses the seed file, submits it with the form, and waits until the page shows it
    /// completed, in the same document (no reload), and in the list; then follows its link. Returns its id.
    /// </summary>
    public static async Task<string> SubmitSeedThroughTheFormAsync(IPage page, string? listScreenshot = null)
    {
        await page.GotoAsync("/");
        await Expect(page.Locator("#list-summary")).Not.ToBeEmptyAsync();
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await page.GetByLabel("Or a file").SetInputFilesAsync(SeedArticle.Path);
        await Expect(page.GetByLabel("The article's text, in Arabic")).ToHaveValueAsync(new Regex("أعلن المتحدث"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Expect(page.Locator("#submission-status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was reloaded.");
        var link = page.Locator("#submission-link");
        var id = (await link.GetAttributeAsync("href"))!["/articles/".Length..];
        await Expect(page.Locator($"li.article-item[data-id='{id}'] .status")).ToHaveTextAsync("completed");
        await FitsTheWidthAsync(page);
        if (listScreenshot is not null)
            await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot(listScreenshot), FullPage = true });

        await link.ClickAsync();
        // Not WaitForURLAsync: once the address matches, Playwright's .NET client looks for the new page's "load" in its list and only
        // then listens for it, while its reader thread may add it in between; the load is missed and the wait times out (only
        // "networkidle" seen after). The address is polled by the browser's side instead; the article page's own waits follow.
        await Expect(page).ToHaveURLAsync(new Regex($"/articles/{Regex.Escape(id)}$"));
        return id;
    }

    /// <summary>The article page shows what the API holds: every paragraph in both languages, the Arabic right-to-left, both summaries.</summary>
    public static async Task<JsonObject> ShowsTheWholeArticleAsync(IPage page, HttpClient http, string id)
    {
        await Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        var article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.Equal("completed", article["status"]!.GetValue<string>());

        await Expect(page.Locator("#title-en")).ToHaveTextAsync(article["title"]!["en"]!.GetValue<string>());
        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.True(paragraphs.Count >= 11, $"The seed has eleven body paragraphs; the API holds {paragraphs.Count}.");
        var pairs = page.Locator("#paragraphs > .pair");
        await Expect(pairs).ToHaveCountAsync(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var arabic = pairs.Nth(i).Locator(".ar");
            var english = pairs.Nth(i).Locator(".en");
            Assert.Equal(paragraphs[i]!["ar"]!.GetValue<string>(), await arabic.TextContentAsync());
            Assert.Equal(paragraphs[i]!["en"]!.GetValue<string>(), await english.TextContentAsync());
            Assert.Equal("rtl", await arabic.GetAttributeAsync("dir"));
            Assert.Equal("ar", await arabic.GetAttributeAsync("lang"));
            Assert.Equal("rtl", await arabic.EvaluateAsync<string>("element => getComputedStyle(element).direction"));
            Assert.Equal("en", await english.GetAttributeAsync("lang"));
        }

        var summary = article["summary"]!;
        await Expect(page.Locator("#summary-en")).ToBeVisibleAsync();
        await Expect(page.Locator("#summary-en")).ToHaveTextAsync(summary["en"]!.GetValue<string>());
        await Expect(page.Locator("#summary-ar")).ToBeVisibleAsync();
        await Expect(page.Locator("#summary-ar")).ToHaveTextAsync(summary["ar"]!.GetValue<string>());
        Assert.Equal("rtl", await page.Locator("#summary-ar").EvaluateAsync<string>("element => getComputedStyle(element).direction"));
        await Expect(page.Locator("#key-points > li")).ToHaveCountAsync(summary["keyPoints"]!.AsArray().Count);

        // The article's glossary (the seed's recurring names), folded away with the warnings, and the mode with its calls.
        var glossary = article["glossary"]!.AsArray();
        Assert.NotEmpty(glossary);
        var rows = page.Locator("#glossary-entries > tr");
        await Expect(rows).ToHaveCountAsync(glossary.Count);
        for (var i = 0; i < glossary.Count; i++)
        {
            Assert.Equal(glossary[i]!["source"]!.GetValue<string>(), await rows.Nth(i).Locator("td").Nth(0).TextContentAsync());
            Assert.Equal(glossary[i]!["english"]!.GetValue<string>(), await rows.Nth(i).Locator("td").Nth(1).TextContentAsync());
        }
        await Expect(page.Locator("#usage")).ToContainTextAsync($"fast mode: {article["usage"]!["llmCalls"]} LLM calls");
        return article;
    }

    /// <summary>Each pair's Arabic and English boxes, [left, top, right, bottom] each, in page order.</summary>
    public static async Task<IReadOnlyList<PairBoxes>> PairBoxesAsync(IPage page)
    {
        var boxes = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('#paragraphs > .pair')].map(pair => {
              const ar = pair.querySelector('.ar').getBoundingClientRect();
              const en = pair.querySelector('.en').getBoundingClientRect();
              return [ar.left, ar.top + scrollY, ar.right, ar.bottom + scrollY, en.left, en.top + scrollY, en.right, en.bottom + scrollY];
            })
            """);
        return [.. boxes.Select(box => new PairBoxes(new Box(box[0], box[1], box[2], box[3]), new Box(box[4], box[5], box[6], box[7])))];
    }

    /// <summary>The page's content is no wider than its window: nothing to scroll sideways.</summary>
    public static async Task FitsTheWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"The page scrolls sideways: {scroll} px of content in {client} px ({page.Url}).");
    }
}

internal sealed record Box(double Left, double Top, double Right, double Bottom);

internal sealed record PairBoxes(Box Arabic, Box English);
