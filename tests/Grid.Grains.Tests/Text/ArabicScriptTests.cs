using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ArabicScriptTests
{
    [Fact]
    public void TextWithoutLettersHasNoArabicOrLatinShare()
    {
        Assert.Equal(0, ArabicScript.ArabicLetterRatio("2024 - 12:57 !"));
        Assert.Equal(0, ArabicScript.LatinLetterRatio(""));
        Assert.False(ArabicScript.ContainsArabic("2024"));
    }

    [Fact]
    public void ArabicTextIsAllArabicLetters()
    {
        Assert.Equal(1, ArabicScript.ArabicLetterRatio("أعلن المتحدثُ، يوم الخميس: ١٢ مارس."));
        Assert.True(ArabicScript.ContainsArabic("كتابات"));
    }

    [Fact]
    public void MixedTextIsMeasuredPerLetter()
    {
        Assert.Equal(0.5, ArabicScript.ArabicLetterRatio("بغداد Iraqi"), 6);
        Assert.Equal(0.5, ArabicScript.LatinLetterRatio("بغداد Iraqi"), 6);
    }

    [Fact]
    public void TatweelAloneIsNotArabicText() =>
        Assert.False(ArabicScript.ContainsArabic("ـــ"));

    [Fact]
    public void EnglishTextHasNoArabic()
    {
        Assert.False(ArabicScript.ContainsArabic("Close this search box."));
        Assert.Equal(1, ArabicScript.LatinLetterRatio("Close this search box."));
    }
}
