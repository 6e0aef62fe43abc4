namespace Grid.OllamaEmulator.Tests;

public sealed class TransliterationTests
{
    [Fact]
    public void ArabicLettersBecomeLatinLettersAndEverythingElseStays()
    {
        Assert.Equal("ktab jdyd", Transliteration.ToLatin("كتاب جديد"));
        Assert.Equal("Pentagon “albntaghwn”", Transliteration.ToLatin("Pentagon “البنتاغون”"));
    }

    [Fact]
    public void ArabicPunctuationAndDigitsBecomeAscii()
    {
        Assert.Equal(", ; ? 2024 1403", Transliteration.ToLatin("، ؛ ؟ ٢٠٢٤ ۱۴۰۳"));
    }

    [Fact]
    public void DiacriticsAndTatweelAreDropped()
    {
        Assert.Equal("mshyra", Transliteration.ToLatin("مشيرًا"));
        Assert.Equal("ktb", Transliteration.ToLatin("كـتـب"));
    }

    [Fact]
    public void LinesAndBlankLinesAreKeptExactly()
    {
        var latin = Transliteration.ToLatin(ArabicSamples.TwoParagraphs);
        Assert.Equal(ArabicSamples.TwoParagraphs.Split('\n').Length, latin.Split('\n').Length);
        Assert.Equal("", latin.Split('\n')[1]);
        Assert.False(Transliteration.ContainsArabic(latin));
    }

    [Fact]
    public void TheWholeSampleArticleLeavesNoArabicScript()
    {
        var latin = Transliteration.ToLatin(ArabicSamples.Article);
        Assert.False(Transliteration.ContainsArabic(latin));
        Assert.Equal(ArabicSamples.Article.Split('\n').Length, latin.Split('\n').Length);
    }

    [Fact]
    public void LatinTextGoesBackToArabicScript()
    {
        Assert.Equal("شارك", Transliteration.ToArabic("shark"));
        Assert.True(Transliteration.ContainsArabic(Transliteration.ToArabic("The Pentagon hosts talks.")));
    }

    [Fact]
    public void TokensJoinBackToTheTextAndArabicCountsDenser()
    {
        var tokens = TokenEstimator.Split(ArabicSamples.TwoParagraphs);
        Assert.Equal(ArabicSamples.TwoParagraphs, string.Concat(tokens));
        Assert.Equal(tokens.Count, TokenEstimator.Count(ArabicSamples.TwoParagraphs));
        Assert.True(TokenEstimator.Count("الاجتماع") > TokenEstimator.Count("alijtima"));
        Assert.Equal(0, TokenEstimator.Count(""));
    }
}
