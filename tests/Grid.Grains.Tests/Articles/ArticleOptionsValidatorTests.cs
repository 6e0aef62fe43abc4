using Grid.Grains.Articles;

namespace Grid.Grains.Tests.Articles;

/// <summary>The article settings refused at start: a paragraph claim deadline that its renewals could not keep alive, a save window out of bounds.</summary>
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

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:10:01")]
    public void ASaveWindowBelowZeroOrPastTenMinutesIsRefusedByName(string window)
    {
        var result = new ArticleOptionsValidator().Validate(null, new ArticleOptions { SaveWindow = TimeSpan.Parse(window) });

        Assert.True(result.Failed);
        Assert.Contains("Grid:Articles:SaveWindow", result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:10:00")]
    public void ASaveWindowOfZeroToTenMinutesIsAccepted(string window) =>
        Assert.True(new ArticleOptionsValidator().Validate(null, new ArticleOptions { SaveWindow = TimeSpan.Parse(window) }).Succeeded);
}
