using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void LineEndsBecomeLineFeeds() =>
        Assert.Equal("أ\nب\nج", TextNormalizer.Normalize("أ\r\nب\rج"));

    [Fact]
    public void InvisibleAndBidiControlCharactersAreRemoved() =>
        Assert.Equal("بغداد واشنطن", TextNormalizer.Normalize("\uFEFF\u200Fبغ\u200Bداد\u202B \u2067واشنطن\u2069\u202C"));

    [Fact]
    public void NonBreakingSpacesAndTabsCollapseToOneSpace() =>
        Assert.Equal("وزارة الدفاع الأميركية", TextNormalizer.Normalize("وزارة\u00A0\u00A0الدفاع \t الأميركية"));

    [Fact]
    public void LinesAreTrimmedAndBlankLinesCollapseToOne() =>
        Assert.Equal("العنوان\n\nالفقرة الأولى\nالفقرة الثانية", TextNormalizer.Normalize("  العنوان  \n \n\t\n\n الفقرة الأولى \nالفقرة الثانية\n\n\n"));

    [Fact]
    public void ArabicIsComposedButDiacriticsAndTatweelAreKept()
    {
        const string decomposedAlefWithHamza = "\u0627\u0654";

        Assert.Equal("أعلن الـمتحدثُ", TextNormalizer.Normalize($"{decomposedAlefWithHamza}علن الـمتحدثُ"));
        Assert.Equal("أعلن", TextNormalizer.Normalize("\u0627\u200B\u0654علن"));
    }

    [Fact]
    public void UnpairedSurrogatesAreDroppedAndPairsKept() =>
        Assert.Equal("بغداد 😀", TextNormalizer.Normalize("بغ\uD800داد \uD83D\uDE00\uDC00"));

    [Fact]
    public void NormalizingTwiceChangesNothing()
    {
        var once = TextNormalizer.Normalize(SampleArticle.Text);

        Assert.Equal(once, TextNormalizer.Normalize(once));
    }

    [Fact]
    public void TheHashingFormDropsTatweelDiacriticsAndLatinCase() =>
        Assert.Equal("الكتاب wall street", TextNormalizer.ForHashing("الكـــتابُ Wall Street"));
}
