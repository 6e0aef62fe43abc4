using Grid.Grains.Articles;

namespace Grid.Grains.Tests.Articles;

/// <summary>The article settings refused at start: here, a paragraph claim deadline that its renewals could not keep alive.</summary>
public sealed class ArticleOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.True(new ArticleOptionsValidator().Validate(null, new ArticleOptions()).Succeeded);

    [Fact]
    public void AParagraphClaimDeadlineShorterThanTwoWatchdogPeriodsIsRefusedByName()
    {
        var options = new ArticleOptions { WatchdogPeriod = TimeSpan.FromSeconds(30), ParagraphClaimDeadline = TimeSpan.FromSeconds(59) };

        var result = new ArticleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Grid:Articles:ParagraphClaimDeadline", result.FailureMessage);
        Assert.True(new ArticleOptionsValidator().Validate(null, new ArticleOptions { WatchdogPeriod = TimeSpan.FromSeconds(30), ParagraphClaimDeadline = TimeSpan.FromSeconds(60) }).Succeeded);
    }
}
