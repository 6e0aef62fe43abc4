using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Tests.Glossary;

public sealed class VariantRenderingTests
{
    private static readonly GlossaryEntry Kirby = new("كيربي", "Kirby", "person");

    [Theory]
    [InlineData("Kerbi said on Thursday", "Kirby said on Thursday")]
    [InlineData("John Kerby, the spokesman", "John Kirby, the spokesman")]
    [InlineData("wkyrbi added", "wKirby added")]
    [InlineData("Kirbi and Kerbi", "Kirby and Kirby")]
    public void AVariantSpellingIsReplacedByTheGlossaryRendering(string english, string repaired)
    {
        var (result, replaced) = VariantRendering.Replace(english, Kirby);
        Assert.Equal(repaired, result);
        Assert.True(replaced > 0);
    }

    [Theory]
    [InlineData("The carbon tax")]
    [InlineData("Kirbys")]
    [InlineData("Kirby said")]
    public void OtherWordsAndTheRenderingItselfAreLeftAlone(string english)
    {
        var (result, replaced) = VariantRendering.Replace(english, Kirby);
        Assert.Equal(english, result);
        Assert.Equal(0, replaced);
    }

    [Theory]
    [InlineData("Iraq", "the Ireq government", "the Iraq government")]
    [InlineData("Iraq", "al'raqy forces", "al'raqy forces")]
    [InlineData("Baghdad", "in Beghded and wBeghded", "in Baghdad and wBaghdad")]
    [InlineData("Mohammed", "Muhammad said", "Mohammed said")]
    public void VowelsMayDifferWhereTheRenderingHasThemButNotBeAddedAtItsEnd(string rendering, string english, string repaired) =>
        Assert.Equal(repaired, VariantRendering.Replace(english, new GlossaryEntry("اسم", rendering)).English);

    [Fact]
    public void AMultiWordRenderingMatchesItsVariantWordForWord() =>
        Assert.Equal("Fuad Hussein said", VariantRendering.Replace("Foad Husein said", new GlossaryEntry("فؤاد حسين", "Fuad Hussein")).English);

    [Fact]
    public void ARenderingOfOneConsonantIsTooShortToRepair() =>
        Assert.Equal(0, VariantRendering.Replace("Ali and Aly", new GlossaryEntry("علي", "Ali")).Replaced);

    [Fact]
    public void UseIgnoresCase() => Assert.True(VariantRendering.Uses("kirby said", Kirby));
}
