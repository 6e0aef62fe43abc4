using Grid.Grains.Articles;
using Grid.Grains.Llm;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>The two bounds on waiting work are checked at start, and the silo's bound has a default that keeps every slot fed.</summary>
public sealed class DispatchBoundsValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void AnArticleBoundOutsideOneToAThousandIsRefusedNamingItsKey(int maxOut)
    {
        var result = new ArticleOptionsValidator().Validate(null, new ArticleOptions { MaxRequestsOut = maxOut });

        Assert.False(result.Succeeded);
        Assert.Contains($"Grid:Articles:MaxRequestsOut is {maxOut}", result.FailureMessage);
    }

    [Fact]
    public void ASiloBoundBelowOneIsRefusedNamingItsKey()
    {
        var result = new LlmOptionsValidator().Validate(null, new LlmOptions { MaxQueuedPerSilo = 0 });

        Assert.False(result.Succeeded);
        Assert.Contains("Grid:Llm:MaxQueuedPerSilo is 0", result.FailureMessage);
    }

    [Fact]
    public void LeftOutTheSiloBoundIsTwiceAllTheSlotsAndAtLeastEightAndGivenItIsUsed()
    {
        Assert.Equal(8, new LlmOptions().EffectiveMaxQueuedPerSilo);
        var big = new LlmOptions { Endpoints = [new() { Url = "http://a:11434", Slots = 4 }, new() { Url = "http://b:11434", Slots = 16 }] };
        Assert.Equal(40, big.EffectiveMaxQueuedPerSilo);
        Assert.Equal(3, new LlmOptions { Endpoints = big.Endpoints, MaxQueuedPerSilo = 3 }.EffectiveMaxQueuedPerSilo);
    }
}
