using Grid.Grains.Pages;

namespace Grid.Grains.Tests.Pages;

public sealed class PageUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.com:443/a/b?id=7#comments")]
    [InlineData("https://news.example.com/a/b?utm_source=rss&id=7&utm_medium=feed")]
    [InlineData(" https://news.example.com/a/b?id=7&fbclid=abc ")]
    public void SpellingsOfOnePageAddressGiveOneId(string spelling)
    {
        Assert.Equal("https://news.example.com/a/b?id=7", PageUrl.Normalize(spelling));
        Assert.Equal(PageUrl.IdFor("https://news.example.com/a/b?id=7"), PageUrl.IdFor(spelling));
    }

    [Fact]
    public void PathsThatDifferOnlyInCaseAreDifferentPages()
    {
        Assert.NotEqual(PageUrl.IdFor("https://news.example.com/A"), PageUrl.IdFor("https://news.example.com/a"));
    }

    [Fact]
    public void APageIdIsShapedLikeAContentIdSoNoCallerCanClaimIt()
    {
        Assert.True(Grid.Grains.Articles.ArticleIds.IsContentShaped(PageUrl.IdFor("https://news.example.com/a")));
    }
}
