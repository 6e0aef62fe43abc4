using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

public sealed class ReaderWithApiKeysTests(KeyedReaderGrid grid) : IClassFixture<KeyedReaderGrid>
{
    [Fact]
    public async Task WhenTheApiWantsAKeyThePageAsksForItAndFollowsProgressWithIt()
    {
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/");

        var keyField = page.GetByLabel("API key", new() { Exact = true });
        await Expect(keyField).ToBeFocusedAsync();
        await Expect(page.Locator(".key-panel")).ToContainTextAsync("X-Api-Key");
        await keyField.FillAsync("not-the-right-key-at-all");
        await keyField.PressAsync("Enter");
        await Expect(page.Locator(".key-panel")).ToContainTextAsync("does not hold a key this Grid knows");

        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(grid.ApiKey!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(page.Locator("#list-summary")).ToHaveTextAsync("No articles yet.");
        await Expect(page.Locator(".key-panel")).ToHaveCountAsync(0);

        // The progress events come through fetch with the key: an EventSource could not send it.
        var id = await ReaderFlow.SubmitSeedThroughTheFormAsync(page);
        await ReaderFlow.ShowsTheWholeArticleAsync(page, grid.Http, id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Forget the API key" }).ClickAsync();
        await Expect(page.GetByLabel("API key", new() { Exact = true })).ToBeVisibleAsync();
    }
}
