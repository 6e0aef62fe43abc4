using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class LanguageDetectorTests
{
    internal const string Persian = "وزیر امور خارجه ایران روز دوشنبه در تهران گفت که کشورش آماده گفتگو با همسایگان است و این موضوع را پیگیری می‌کند.";

    internal const string Urdu = "پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اجلاس کی صدارت کی اور کہا کہ حکومت عوام کے مسائل حل کرے گی۔";

    [Fact]
    public void TheScrapedArabicSampleIsArabic()
    {
        var guess = LanguageDetector.Detect(SampleArticle.Text);

        Assert.Equal("ar", guess.Language);
        Assert.True(guess.Confidence > 80, guess.Reason);
    }

    [Fact]
    public void PersianIsToldFromArabicByItsOwnLettersAndSaysSo()
    {
        var guess = LanguageDetector.Detect(Persian);

        Assert.Equal("fa", guess.Language);
        Assert.Contains("Persian letters", guess.Reason);
    }

    [Fact]
    public void UrduIsToldFromPersianAndArabicByItsOwnLetters()
    {
        var guess = LanguageDetector.Detect(Urdu);

        Assert.Equal("ur", guess.Language);
        Assert.Contains("Urdu letters", guess.Reason);
    }

    [Fact]
    public void AnArabicArticleWithAPersianNameOrQuoteInItStaysArabic()
    {
        var text = "التقى الرئيس العراقي وفدا من گرميان وپنجوين في بغداد، وناقش معه قضايا المنطقة والتعاون الاقتصادي بين المحافظات. "
            + "وقال الوفد إن الزيارة كانت مثمرة، ونقل عن مسؤول إيراني قوله: «" + Persian[..40] + "» قبل أن تنتهي الجلسة.";

        Assert.Equal("ar", LanguageDetector.Detect(text).Language);
    }

    [Fact]
    public void PersianTypedWithArabicYehAndKafIsStillPersianByItsOtherLetters()
    {
        var text = Persian.Replace('ی', 'ي').Replace('ک', 'ك');

        Assert.Equal("fa", LanguageDetector.Detect(text).Language);
    }

    [Fact]
    public void EveryGeneratedArabicParagraphIsArabic()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new ArabicArticleGenerator(seed);
            var paragraph = random.Paragraph(maxSentenceWords: 12).Text;
            Assert.True(LanguageDetector.Detect(paragraph).IsArabic, $"seed {seed}: {paragraph}");
        }
    }

    [Theory]
    [InlineData("The Pentagon said on Monday that talks with Baghdad would continue.", "en")]
    [InlineData("12345 -- !!!", "und")]
    [InlineData("بغداد", "ar")]
    public void OtherTextsAreNamedOrLeftUnknown(string text, string language) =>
        Assert.Equal(language, LanguageDetector.Detect(text).Language);
}
