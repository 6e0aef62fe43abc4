using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

/// <summary>The feeds view: follow a feed, watch its articles arrive, see its error, stop following it.</summary>
public sealed class ReaderFeedsTests(FeedsReaderGrid grid) : IClassFixture<FeedsReaderGrid>
{
    [Fact]
    public async Task AFeedFollowedFromTheFeedsViewShowsItsArticlesItsErrorAndCanBeStopped()
    {
        grid.Site.List(1, 2);
        var page = await grid.OpenPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Feeds" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync("Feeds · Grid");
        await Expect(page.Locator("#feeds-summary")).ToHaveTextAsync("No feeds are followed yet.");

        await page.GetByLabel("Address of an RSS or Atom feed").FillAsync(grid.Site.FeedUrl.ToString());
        await page.GetByLabel("Poll every").FillAsync("1h");
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow" }).ClickAsync();

        var feed = page.Locator("li.feed-item");
        await Expect(feed).ToHaveCountAsync(1);
        await Expect(feed.Locator(".feed-every")).ToHaveTextAsync("every 01:00:00");
        await Expect(feed.Locator(".feed-articles")).ToHaveTextAsync("2 articles", new() { Timeout = ReaderGrid.WorkTimeout });
        await Expect(feed.Locator(".title")).ToHaveTextAsync("أخبار الموقع");

        grid.Site.Break();
        await feed.GetByRole(AriaRole.Button, new() { Name = "Poll now" }).ClickAsync();
        await Expect(feed.Locator(".feed-error")).ToContainTextAsync("500");

        grid.Site.Mend();
        grid.Site.List(1, 2, 3);
        await feed.GetByRole(AriaRole.Button, new() { Name = "Poll now" }).ClickAsync();
        await Expect(feed.Locator(".feed-articles")).ToHaveTextAsync("3 articles");
        await Expect(feed.Locator(".feed-error")).ToHaveCountAsync(0);

        await page.GotoAsync("/");
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(3);

        await page.GotoAsync("/feeds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop following" }).ClickAsync();
        await Expect(page.Locator("#feeds-summary")).ToHaveTextAsync("No feeds are followed yet.");
        Assert.Empty(watch.Errors);
    }
}
