using Grid.Abstractions.Articles;
using Grid.Grains.Text;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests;

public sealed class SeedArticleThroughClusterTests(GridClusterFixture fixture) : IClassFixture<GridClusterFixture>
{
    [Fact]
    public async Task TheSeedArticleComesBackBilingualThroughTwoSilos()
    {
        Assert.Equal(2, fixture.Cluster.Silos.Count);
        var receipt = await fixture.Grid.SubmitAsync(new ArticleSubmission(SampleArticles.Seed));
        var article = await fixture.Grid.WaitAsync(receipt.Id!);

        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.StartsWith("لبحث العلاقات العسكرية", article.Title!.Ar);
        Assert.Equal(GridSettings.ExpectedEnglish(article.Title.Ar), GridSettings.Collapse(article.Title.En!));
        Assert.Equal("29 مارس، 2024 12:57 م", article.DateLine);

        Assert.Equal(SampleArticles.SeedParagraphStarts.Length, article.Paragraphs.Length);
        for (var i = 0; i < article.Paragraphs.Length; i++)
        {
            var paragraph = article.Paragraphs[i];
            Assert.Equal(i, paragraph.Index);
            Assert.StartsWith(SampleArticles.SeedParagraphStarts[i], paragraph.Ar);
            Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En!));
        }
        Assert.True(article.Progress.ChunksTotal > 1, "small chunk budget: the seed article needs several chunks");

        var omitted = article.Omitted.Select(line => line.Text).ToList();
        Assert.All(SampleArticles.SeedCruft, cruft => Assert.Contains(cruft, omitted));
        Assert.DoesNotContain(article.Paragraphs, p => SampleArticles.SeedCruft.Contains(p.Ar));

        var summary = article.Summary!;
        Assert.True(ArabicScript.LatinLetterRatio(summary.En) > 0.9, summary.En);
        Assert.True(ArabicScript.ArabicLetterRatio(summary.Ar) > 0.9, summary.Ar);
        Assert.NotEmpty(summary.KeyPoints);

        Assert.True(article.Usage.LlmCalls >= article.Progress.ChunksTotal + 1);
        Assert.True(article.Usage.InputTokens > 0 && article.Usage.OutputTokens > 0 && article.Usage.LlmMilliseconds >= 0);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public async Task ResubmittingTheSameTextGivesTheSameIdAndCallsTheLlmNoMore()
    {
        var text = SampleArticles.Seed.Replace("أربعة ملفات", "خمسة ملفات");
        var first = await fixture.Grid.SubmitAsync(new ArticleSubmission(text));
        await fixture.Grid.WaitAsync(first.Id!);
        var callsBefore = fixture.Emulator.Stats.Kind(RequestKinds.Chat);

        var again = await fixture.Grid.SubmitAsync(new ArticleSubmission(text.Replace("\n", "\r\n") + "\n\n"));

        Assert.Equal(first.Id, again.Id);
        Assert.True(again.AlreadyKnown);
        Assert.Equal(ArticleStatus.Completed, again.Status);
        Assert.Equal(callsBefore, fixture.Emulator.Stats.Kind(RequestKinds.Chat));
    }

    [Fact]
    public async Task AnUnknownIdHasNoArticle()
    {
        Assert.Null(await fixture.Grid.GetAsync("0123456789abcdef"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Grid.WaitAsync("0123456789abcdef"));
    }

    [Fact]
    public async Task TextWithoutArabicIsRefusedWithAReason()
    {
        var refused = await Assert.ThrowsAsync<Grid.Client.GridSubmissionException>(
            () => fixture.Grid.SubmitAsync(new ArticleSubmission("Only English here, nothing to translate.")));
        Assert.Equal(RejectionKind.NoArabic, refused.Rejection.Kind);
        Assert.Null(await fixture.Grid.GetAsync(ContentHash.Of("Only English here, nothing to translate.")));
    }
}
