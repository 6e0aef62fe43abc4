namespace Grid.Web.Tests;

public sealed class ReaderOnPhoneTests(ReaderGrid grid) : IClassFixture<ReaderGrid>
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task OnAPhoneTheSeedCompletesLiveAndEachArabicParagraphHasItsEnglishUnderIt()
    {
        var page = await grid.OpenPageAsync(PhoneWidth, 844);
        await page.GotoAsync("/");
        await ReaderFlow.FitsTheWidthAsync(page);

        var id = await ReaderFlow.SubmitSeedThroughTheFormAsync(page, "list-phone.png");
        await ReaderFlow.ShowsTheWholeArticleAsync(page, grid.Http, id);
        await ReaderFlow.FitsTheWidthAsync(page);

        var pairs = await ReaderFlow.PairBoxesAsync(page);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (arabic, english) = (pairs[i].Arabic, pairs[i].English);
            Assert.True(english.Top >= arabic.Bottom, $"Paragraph {i}: the English ({english}) is not under its Arabic ({arabic}).");
            Assert.True(arabic.Left >= 0 && arabic.Right <= PhoneWidth && english.Left >= 0 && english.Right <= PhoneWidth, $"Paragraph {i} runs off the screen.");
            if (i + 1 < pairs.Count)
                Assert.True(pairs[i + 1].Arabic.Top >= english.Bottom, $"Paragraph {i + 1} starts before the English of paragraph {i} ends.");
        }
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("article-phone.png"), FullPage = true });
    }
}
