using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

public sealed class SentenceAlignmentTests
{
    [Fact]
    public void SentencesArePairedInOrderWhenBothSidesHaveAsMany() =>
        Assert.Equal(
            [("وصل الوفد.", "The delegation arrived."), ("هل سيبقى؟", "Will it stay?"), ("قال: «لا.»", "He said: \"No.\"")],
            SentenceAlignment.Of("وصل الوفد. هل سيبقى؟ قال: «لا.»", "The delegation arrived. Will it stay? He said: \"No.\""));

    [Fact]
    public void CountsThatDifferPairNothing()
    {
        Assert.Null(SentenceAlignment.Of("وصل الوفد. هل سيبقى؟", "The delegation arrived and may stay."));
        Assert.Null(SentenceAlignment.Of("وصل الوفد.", "The delegation arrived. It may stay."));
        Assert.Null(SentenceAlignment.Of(" ", ""));
    }
}
