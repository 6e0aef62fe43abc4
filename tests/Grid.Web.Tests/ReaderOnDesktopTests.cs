using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

public sealed class ReaderOnDesktopTests(ReaderGrid grid) : IClassFixture<ReaderGrid>
{
    [Fact]
    public async Task TheSeedSubmittedThroughTheFormCompletesLiveAndReadsSideBySide()
    {
        var page = await grid.OpenPageAsync(1280, 900);
        var id = await ReaderFlow.SubmitSeedThroughTheFormAsync(page, "list-desktop.png");
        await ReaderFlow.ShowsTheWholeArticleAsync(page, grid.Http, id);

        foreach (var pair in await ReaderFlow.PairBoxesAsync(page))
        {
            Assert.True(pair.Arabic.Left >= pair.English.Right, $"The Arabic ({pair.Arabic}) is not to the right of its English ({pair.English}).");
            Assert.Equal(pair.Arabic.Top, pair.English.Top, 1.0);
        }
        await ReaderFlow.FitsTheWidthAsync(page);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("article-desktop.png"), FullPage = true });

        // On paper: the text without the buttons, still side by side.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".actions")).ToBeHiddenAsync();
        var printed = (await ReaderFlow.PairBoxesAsync(page))[0];
        Assert.True(printed.Arabic.Left >= printed.English.Right, "Printed, the Arabic is not beside its English.");
    }
}
