using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

/// <summary>The front page's feed filter: a select of the followed feeds that narrows the list to the articles a feed made.</summary>
public sealed class ReaderFeedFilterTests(FeedsReaderGrid grid) : IClassFixture<FeedsReaderGrid>
{
    [Fact]
    public async Task ChoosingAFeedListsOnlyTheArticlesItMadeAndAllListsEveryArticleAgain()
    {
        grid.Site.List(1, 2);
        using var followed = await grid.Http.PostAsJsonAsync("/api/feeds", new { url = grid.Site.FeedUrl.ToString(), every = "1h" });
        followed.EnsureSuccessStatusCode();
        var feed = (await followed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var submitted = await grid.Http.PostAsJsonAsync("/api/articles", new { text = "خبر من مراسل\n\nقال مراسلنا إن الاجتماع انتهى دون اتفاق على موعد جديد." });
        submitted.EnsureSuccessStatusCode();
        var own = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var page = await grid.OpenPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync("/");
        // The feed's two articles and the one submitted by hand, as the feed's poll makes them.
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(3, new() { Timeout = ReaderGrid.WorkTimeout });

        await page.GetByLabel("Feed", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "أخبار الموقع" });

        await Expect(page).ToHaveURLAsync(new Regex($@"/\?feed={Regex.Escape(Uri.EscapeDataString(feed))}$"));
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(2);
        await Expect(page.Locator($"li.article-item[data-id='{own}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#list-summary")).ToHaveTextAsync("2 articles from this feed, newest first.");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Feed", new() { Exact = true })).ToHaveValueAsync(feed);
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(2);

        await page.GetByLabel("Feed", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "all" });
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(3);
        await Expect(page.Locator($"li.article-item[data-id='{own}']")).ToBeVisibleAsync();
        Assert.Empty(watch.Errors);
    }
}
