using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ContentHashTests
{
    [Fact]
    public void AnIdIsSixteenLowerCaseHexCharacters() =>
        Assert.Matches("^[0-9a-f]{16}$", ContentHash.Of(SampleArticle.Text));

    [Fact]
    public void TriviallyDifferentCopiesOfAnArticleGetTheSameId()
    {
        var messy = SampleArticle.Text
            .Replace("\n", "\r\n")
            .Replace(" ", "  \u200B")
            .Replace("الأميركية", "الأمـــيركية")
            .Replace("Search", "SEARCH");

        Assert.Equal(ContentHash.Of(SampleArticle.Text), ContentHash.Of(messy));
    }

    [Fact]
    public void ExtraBlankLinesBetweenParagraphsDoNotChangeTheId() =>
        Assert.Equal(ContentHash.Of("العنوان\nالفقرة."), ContentHash.Of("العنوان\n\n\nالفقرة."));

    [Fact]
    public void DifferentTextGetsADifferentId()
    {
        var changed = SampleArticle.Text.Replace("أربعة ملفات", "خمسة ملفات");

        Assert.NotEqual(ContentHash.Of(SampleArticle.Text), ContentHash.Of(changed));
    }

    [Fact]
    public void AKeyIsThirtyTwoLowerCaseHexCharacters() =>
        Assert.Matches("^[0-9a-f]{32}$", ContentHash.Key("نص", "qwen2.5:7b", "v1"));

    [Fact]
    public void KeysOfDifferentPartListsDifferEvenWhenTheirConcatenationsAgree()
    {
        Assert.NotEqual(ContentHash.Key("ab", "c"), ContentHash.Key("a", "bc"));
        Assert.NotEqual(ContentHash.Key("a\u001Fb"), ContentHash.Key("a", "b"));
        Assert.NotEqual(ContentHash.Key("a", ""), ContentHash.Key("a"));
    }

    [Fact]
    public void TheSamePartsGiveTheSameKey() =>
        Assert.Equal(ContentHash.Key("نص", "qwen2.5:7b"), ContentHash.Key("نص", "qwen2.5:7b"));
}
