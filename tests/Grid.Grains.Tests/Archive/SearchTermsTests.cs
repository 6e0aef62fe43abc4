using Grid.Grains.Archive;

namespace Grid.Grains.Tests.Archive;

public sealed class SearchTermsTests
{
    [Fact]
    public void WordsAreNormalizedAndAllRequired() =>
        Assert.Equal("\"اسرائيل\" AND \"troops\"", SearchTerms.Parse("  إسرائيل, troops! ").ToMatchExpression());

    [Fact]
    public void AQuotedPhraseStaysOnePhrase() =>
        Assert.Equal("\"defense ministry\" AND \"iraq\"", SearchTerms.Parse("\"defense ministry\" iraq").ToMatchExpression());

    [Theory]
    [InlineData("NEAR(a b)")]
    [InlineData("title:iraq*")]
    [InlineData("a OR b -c ^d")]
    public void QuerySyntaxIsReadAsWordsOnly(string search)
    {
        var match = SearchTerms.Parse(search).ToMatchExpression();

        Assert.DoesNotContain("*", match);
        Assert.DoesNotContain(":", match);
        Assert.DoesNotContain("(", match);
        Assert.All(match.Split(" AND "), phrase => Assert.Matches("^\"[\\p{L}\\p{N} ]+\"$", phrase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ،؟")]
    [InlineData("\"\"")]
    public void ASearchWithoutLettersOrDigitsIsEmpty(string search) => Assert.True(SearchTerms.Parse(search).IsEmpty);
}
