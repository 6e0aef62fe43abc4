using Grid.Client.Evaluation;

namespace Grid.Client.Tests.Evaluation;

/// <summary>The values sacreBLEU's own test suite (test/test_chrf.py, v2.6.0) asserts, with the options it asserts them under.</summary>
public sealed class PublishedChrFValuesTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string, string, double> CzechSentencesWithEpsilonSmoothing => new()
    {
        { "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.", "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509 },
        { "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.", "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079 },
        { "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.", "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367 },
    };

    [Theory]
    [MemberData(nameof(CzechSentencesWithEpsilonSmoothing))]
    public void SentenceScoresWithEpsilonSmoothingMatchSacreBleu(string hypothesis, string reference, double expected) =>
        Assert.Equal(expected, new ChrF(epsilonSmoothing: true).SentenceScore(hypothesis, reference), Tolerance);

    public static TheoryData<string[], string[], double> BetaThreeCorporaWithEpsilonSmoothing => new()
    {
        { ["abcdefg"], ["hijklmnop"], 0.0 },
        { ["a"], ["b"], 0.0 },
        { [""], ["b"], 0.0 },
        { [""], ["ref"], 0.0 },
        { [""], ["reference"], 0.0 },
        { ["aa"], ["ab"], 8.3333 },
        { ["a", "b"], ["a", "c"], 8.3333 },
        { ["a"], ["a"], 16.6667 },
        { ["a b c"], ["a b c"], 50.0 },
        { ["a b c"], ["abc"], 50.0 },
        {
            [" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
            ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."],
            63.361730
        },
        {
            [" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "],
            ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."],
            64.1302698
        },
        { ["Niemand hat die Absicht, eine Mauer zu errichten"], ["Niemand hat die Absicht, eine Mauer zu errichten"], 100.0 },
    };

    [Theory]
    [MemberData(nameof(BetaThreeCorporaWithEpsilonSmoothing))]
    public void CorpusScoresWithEpsilonSmoothingMatchSacreBleu(string[] hypotheses, string[] references, double expected) =>
        Assert.Equal(expected, new ChrF(beta: 3, epsilonSmoothing: true).CorpusScore(hypotheses.Zip(references)), Tolerance);

    public static TheoryData<string[], string[], double> BetaThreeCorporaWithEffectiveOrder => new()
    {
        { ["a"], ["a"], 100.0 },
        { [""], ["reference"], 0.0 },
        { ["a b c"], ["a b c"], 100.0 },
        { ["a b c"], ["abc"], 100.0 },
        { [""], ["c"], 0.0 },
        { ["a", "b"], ["a", "c"], 50.0 },
        { ["aa"], ["ab"], 25.0 },
    };

    [Theory]
    [MemberData(nameof(BetaThreeCorporaWithEffectiveOrder))]
    public void CorpusScoresWithEffectiveOrderMatchSacreBleu(string[] hypotheses, string[] references, double expected) =>
        Assert.Equal(expected, new ChrF(beta: 3).CorpusScore(hypotheses.Zip(references)), Tolerance);

    public static TheoryData<string, string, double> BetaThreeSentencesKeepingWhitespace => new()
    {
        { "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.", "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.", 67.3481606 },
        {
            "risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .",
            "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .",
            65.2414427
        },
    };

    [Theory]
    [MemberData(nameof(BetaThreeSentencesKeepingWhitespace))]
    public void ScoresKeepingWhitespaceMatchSacreBleu(string hypothesis, string reference, double expected) =>
        Assert.Equal(expected, new ChrF(beta: 3, includeWhitespace: true).CorpusScore([(hypothesis, reference)]), Tolerance);
}
