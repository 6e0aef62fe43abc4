using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ArabicTermTests
{
    [Theory]
    [InlineData("كيربي", "وقال “كيربي”، في تصريح")]
    [InlineData("كيربي", "وأضاف وكيربي")]
    [InlineData("العراق", "القوات الأميركية موجودة في العراق بدعوة")]
    [InlineData("العراق", "مستعدون بالعراق")]
    [InlineData("العراق", "زيارة للعراق")]
    [InlineData("العراق", "وللعراق حقوق")]
    [InlineData("بغداد", "بين “بغداد” و”واشنطن”")]
    [InlineData("بغداد", "وصل لبغداد")]
    [InlineData("فؤاد حسين", "الوزير “فؤاد حسين”، قال")]
    [InlineData("أمريكا", "في امريكا")]
    [InlineData("البنتاغون", "(البنتاغون) سيستضيف")]
    [InlineData("كِيربي", "قال كيربي")]
    public void ATermOccursWithQuotesPrefixesAndSpellingVariantsAround(string term, string text) =>
        Assert.True(new ArabicTerm(term).OccursIn(text));

    [Theory]
    [InlineData("حسين", "لا تحسين في الوضع")]
    [InlineData("كيربي", "كيربيات")]
    [InlineData("فؤاد حسين", "فؤاد قال حسين")]
    [InlineData("العراق", "العراقي")]
    [InlineData("داعش", "")]
    public void ATermInsideAnotherWordOrSplitIsNotAnOccurrence(string term, string text) =>
        Assert.False(new ArabicTerm(term).OccursIn(text));

    [Fact]
    public void ATermWithoutArabicLettersIsInvalid() => Assert.False(new ArabicTerm("“ ”").IsValid);
}
