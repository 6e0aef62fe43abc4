using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ArabicWordsTests
{
    [Fact]
    public void TheWordsOfATextStillInUseAreFoldedOnceAndServedAgain()
    {
        var paragraph = string.Concat("قال “كيربي”، إن ", "القوات الأمريكية موجودة في العراق");

        Assert.Same(ArabicWords.Of(paragraph), ArabicWords.Of(paragraph));
    }

    [Fact]
    public void AnEqualTextGetsTheSameWordsAsTheOriginal()
    {
        var paragraph = string.Concat("وصل الوزير ", "“فؤاد حسين” إلى بغداد");
        var copy = new string(paragraph.AsSpan());

        Assert.Equal(["وصل", "الوزير", "فؤاد", "حسين", "الي", "بغداد"], ArabicWords.Of(copy).Words);
        Assert.Equal(ArabicWords.Of(paragraph).Words, ArabicWords.Of(copy).Words);
    }
}
