using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class SampleArticleParsingTests
{
    private readonly ParsedArticle article = ArticleParser.Parse(SampleArticle.Text);

    [Fact]
    public void TheSeedArticlesDateLineIsFound() =>
        Assert.Equal("29 مارس، 2024 12:57 م", article.DateLine);

    [Fact]
    public void TheSeedArticlesTitleIsTheHeadlineLine()
    {
        Assert.NotNull(article.Title);
        Assert.StartsWith("لبحث العلاقات العسكرية", article.Title);
        Assert.EndsWith("“عراقية-أميركية” !", article.Title);
    }

    [Fact]
    public void TheSeedArticlesBylineIsTheAgencyLine() =>
        Assert.Equal("وكالات – كتابات :", article.Byline);

    [Fact]
    public void TheSeedArticlesBodyIsItsElevenProseParagraphsInOrder()
    {
        string[] openings =
        [
            "أعلن المتحدث", "وقال “كيربي”", "وأضاف “كيربي”", "وجدد “كيربي”", "وذكر “كيربي”", "وكان وزير الخارجية",
            "وقال “حسين”", "بدورها، نقلت", "وأوضحت الصحيفة", "وأشار هؤلاء", "ولفتت الصحيفة",
        ];

        Assert.Equal(openings.Length, article.Paragraphs.Length);
        Assert.All(openings.Zip(article.Paragraphs), pair => Assert.StartsWith(pair.First, pair.Second));
    }

    [Fact]
    public void TheSeedArticlesParagraphsAreExactlyTheNormalizedSourceLines()
    {
        var sourceLines = TextNormalizer.Normalize(SampleArticle.Text).Split('\n');

        Assert.All(article.Paragraphs, paragraph => Assert.Contains(paragraph, sourceLines));
    }

    [Fact]
    public void TheSeedArticlesCruftIsOmittedAndNotInTheBody()
    {
        (string Text, string Reason)[] expected =
        [
            ("Search", OmissionReason.Navigation),
            ("Close this search box.", OmissionReason.Navigation),
            ("Facebook", OmissionReason.Share),
            ("Twitter", OmissionReason.Share),
            ("LinkedIn", OmissionReason.Share),
            ("أخبار ذات صلة", OmissionReason.Related),
            ("أخر الاخبار", OmissionReason.Related),
            ("كتابات الثقافية", OmissionReason.Related),
            ("عطر الكتب", OmissionReason.Related),
        ];

        Assert.Equal(expected, article.Omitted.Select(line => (line.Text, line.Reason)));
        Assert.DoesNotContain(article.Paragraphs, paragraph => expected.Any(cruft => paragraph.Contains(cruft.Text)));
    }

    [Fact]
    public void EveryNonEmptyLineOfTheSeedArticleIsAccountedForExactlyOnce() =>
        ParsedArticleAssert.AccountsForEveryLine(SampleArticle.Text, article);
}
