using Grid.Grains.Llm;

namespace Grid.Grains.Tests.Llm;

/// <summary>The deadlines and the outage horizon are checked at start, not found wrong mid-article.</summary>
public sealed class LlmOptionsValidatorTests
{
    private static readonly LlmOptionsValidator Validator = new();

    [Fact]
    public void TheDefaultsAreValid() => Assert.True(Validator.Validate(null, new LlmOptions()).Succeeded);

    [Fact]
    public void AFirstTokenAllowanceShorterThanTheIdleOneIsRefusedNamingBoth()
    {
        var result = Validator.Validate(null, new LlmOptions { StreamIdleTimeout = TimeSpan.FromMinutes(2), FirstTokenTimeout = TimeSpan.FromMinutes(1) });

        Assert.False(result.Succeeded);
        Assert.Contains("Grid:Llm:FirstTokenTimeout", result.FailureMessage);
        Assert.Contains("Grid:Llm:StreamIdleTimeout", result.FailureMessage);
    }

    [Fact]
    public void NoIdleAllowanceAndNoOutageHorizonAreRefused()
    {
        var result = Validator.Validate(null, new LlmOptions { StreamIdleTimeout = TimeSpan.Zero, GiveUpAfter = TimeSpan.Zero });

        Assert.False(result.Succeeded);
        Assert.Contains("Grid:Llm:StreamIdleTimeout must be positive", result.FailureMessage);
        Assert.Contains("Grid:Llm:GiveUpAfter must be positive", result.FailureMessage);
    }
}
