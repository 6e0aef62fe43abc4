using Grid.Grains.Archive;

namespace Grid.Grains.Tests.Archive;

public sealed class ArabicSearchNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إسرائيل", "اسرائيل")]
    [InlineData("آمال", "امال")]
    [InlineData("ٱلله", "الله")]
    public void EveryAlefFormBecomesAPlainAlef(string written, string normalized) =>
        Assert.Equal(normalized, ArabicSearchNormalizer.Normalize(written));

    [Fact]
    public void TaMarbutaBecomesHaAndAlefMaqsuraBecomesYa()
    {
        Assert.Equal("مدرسه", ArabicSearchNormalizer.Normalize("مدرسة"));
        Assert.Equal("مستشفي", ArabicSearchNormalizer.Normalize("مستشفى"));
    }

    [Fact]
    public void HarakatTanwinShaddaSukunAndSuperscriptAlefAreRemoved() =>
        Assert.Equal("محمد كتب كتابا هذا", ArabicSearchNormalizer.Normalize("مُحَمَّدٌ كَتَبَ كِتَابًا هٰذَا"));

    [Fact]
    public void TatweelIsRemoved() =>
        Assert.Equal("الرئيس", ArabicSearchNormalizer.Normalize("الـرئـــيس"));

    [Fact]
    public void AnAlefWrittenWithACombiningHamzaFoldsLikeTheComposedOne() =>
        Assert.Equal("اعلن", ArabicSearchNormalizer.Normalize("\u0627\u0654علن"));

    [Fact]
    public void EnglishDigitsAndPunctuationPassThrough() =>
        Assert.Equal("The Pentagon said 2,500 troops (Iraq).", ArabicSearchNormalizer.Normalize("The Pentagon said 2,500 troops (Iraq)."));

    [Fact]
    public void NormalizingTwiceChangesNothing()
    {
        const string text = "أعلنت وزارةُ الدفاعِ الأمريكيّة «البنتاغون» إلى مستشفىً في الـعراق";
        var once = ArabicSearchNormalizer.Normalize(text);
        Assert.Equal(once, ArabicSearchNormalizer.Normalize(once));
    }
}
