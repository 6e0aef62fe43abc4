using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Tests.Glossary;

/// <summary>Whether an English renders the entries a paragraph needs: the rule that lets a kept English serve an article, or not.</summary>
public sealed class GlossaryConsistencyTests
{
    private static readonly GlossaryEntry Kirby = new("كيربي", "Kirby", "person");
    private static readonly GlossaryEntry Washington = new("واشنطن", "Washington", "place");

    [Fact]
    public void AnEnglishRenderingEveryNeededEntryIsServedAsItIsAndWithNoneNeededAnyEnglishIs()
    {
        Assert.Equal("Kirby flew to Washington.", GlossaryConsistency.RenderingEvery("Kirby flew to Washington.", [Kirby, Washington]));
        Assert.Equal("He flew.", GlossaryConsistency.RenderingEvery("He flew.", []));
    }

    [Fact]
    public void AVariantSpellingIsReplacedByTheGlossarysRendering() =>
        Assert.Equal("Kirby flew to Washington.", GlossaryConsistency.RenderingEvery("Kerbi flew to Washington.", [Kirby, Washington]));

    [Fact]
    public void AnEnglishMissingOneNeededRenderingIsRefused()
    {
        Assert.Null(GlossaryConsistency.RenderingEvery("Curtis flew to Washington.", [Kirby, Washington]));
        Assert.Null(GlossaryConsistency.RenderingEvery("Kirby flew to the capital.", [Kirby, Washington]));
    }
}
