using Grid.Client.Evaluation;

namespace Grid.Client.Tests.Evaluation;

/// <summary>
/// Grid's evaluation setting, sacreBLEU's defaults (chrF2: β = 2, character 6-grams, whitespace ignored,
/// effective order) and chrF++ (word 2-grams added), against scores sacreBLEU 2.6.0 computed for these
/// pairs: <c>CHRF().sentence_score(hypothesis, [reference]).score</c> and <c>CHRF(word_order=2)</c>.
/// </summary>
public sealed class SacreBleuDefaultChrFTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string, string, double, double> Pairs => new()
    {
        { "The cat sat on the mat.", "The cat is on the mat.", 67.1727349233, 69.4369527807 },
        {
            "The Pentagon announced on Tuesday that talks with Iraq will resume next week.",
            "On Tuesday the Pentagon said talks with Iraq would resume next week.",
            70.9235685162, 66.8451059556
        },
        {
            "أعلن المتحدث باسم وزارة الدفاع أن المحادثات ستستأنف الأسبوع المقبل.",
            "قال المتحدث باسم البنتاغون إن المحادثات ستستأنف الأسبوع القادم.",
            64.0212541162, 59.4479206181
        },
        { "", "reference", 0, 0 },
        { "", "", 0, 0 },
        { "The minister arrived in Baghdad.", "The minister arrived in Baghdad.", 100, 100 },
        { "Hello, world!", "Hello world", 56.3430093506, 53.0376822833 },
        {
            "(Reuters) - Talks \"resumed\"; officials said: no deal.",
            "Reuters - talks resumed, officials said there was no deal.",
            55.6672150323, 51.4148004408
        },
        // Code points, not UTF-16 units: the emoji is one character, as in Python.
        { "Café 😀 naïve résumé", "Cafe 😀 naive resume", 26.1507936508, 22.7380952381 },
        // Python's whitespace, which includes U+001C as well as no-break and ideographic spaces.
        { "new\u00a0york\u3000city\u001ctoday", "new york city today", 100, 100 },
        { "ab", "abc", 63.6363636364, 42.4242424242 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void ChrFMatchesSacreBleu(string hypothesis, string reference, double chrF, double chrFPlusPlus)
    {
        Assert.Equal(chrF, new ChrF().SentenceScore(hypothesis, reference), Tolerance);
        Assert.Equal(chrFPlusPlus, new ChrF(wordOrder: 2).SentenceScore(hypothesis, reference), Tolerance);
    }

    [Fact]
    public void ACorpusIsScoredFromSummedStatisticsNotTheMeanOfItsSentences()
    {
        (string, string)[] corpus =
        [
            ("The cat sat on the mat.", "The cat is on the mat."),
            ("The Pentagon announced on Tuesday that talks with Iraq will resume next week.", "On Tuesday the Pentagon said talks with Iraq would resume next week."),
            ("أعلن المتحدث باسم وزارة الدفاع أن المحادثات ستستأنف الأسبوع المقبل.", "قال المتحدث باسم البنتاغون إن المحادثات ستستأنف الأسبوع القادم."),
            ("Hello, world!", "Hello world"),
        ];

        Assert.Equal(67.1095960346, new ChrF().CorpusScore(corpus), Tolerance);
        Assert.Equal(64.3067621211, new ChrF(wordOrder: 2).CorpusScore(corpus), Tolerance);
        Assert.Equal(64.6151417266, corpus.Average(pair => new ChrF().SentenceScore(pair.Item1, pair.Item2)), Tolerance);
    }

    [Fact]
    public void SummedStatisticsScoreAsTheCorpus()
    {
        var chrF = new ChrF();
        var summed = chrF.Statistics("The cat sat on the mat.", "The cat is on the mat.") + chrF.Statistics("Hello, world!", "Hello world");

        Assert.Equal(chrF.CorpusScore([("The cat sat on the mat.", "The cat is on the mat."), ("Hello, world!", "Hello world")]), chrF.Score(summed));
        Assert.Equal(summed, chrF.Statistics("Hello, world!", "Hello world") + chrF.Statistics("The cat sat on the mat.", "The cat is on the mat."));
        Assert.NotEqual(summed, chrF.Statistics("Hello, world!", "Hello world"));
    }

    [Fact]
    public void NamesFollowSacreBleu()
    {
        Assert.Equal("chrF2", new ChrF().Name);
        Assert.Equal("chrF2++", new ChrF(wordOrder: 2).Name);
    }

    [Fact]
    public void NonsensicalSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChrF(charOrder: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChrF(wordOrder: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChrF(beta: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChrF(beta: double.NaN));
    }

    [Fact]
    public void StatisticsOfAnotherConfigurationAreRefused()
    {
        var chrFPlusPlus = new ChrF(wordOrder: 2).Statistics("a b", "a b");

        Assert.Throws<ArgumentException>(() => new ChrF().Score(chrFPlusPlus));
        Assert.Throws<ArgumentException>(() => new ChrF().Statistics("a", "a") + chrFPlusPlus);
    }
}
