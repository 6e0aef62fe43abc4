using System.Globalization;

namespace Grid.Client.Evaluation;

/// <summary>
/// chrF, the character n-gram F-score (Popović 2015), computed as sacreBLEU 2.x computes it so that scores
/// compare with published ones: by default character 6-grams, no word n-grams, β = 2 (recall weighs twice
/// as much as precision), whitespace ignored, case kept, and precision and recall averaged over the orders
/// that both texts have (sacreBLEU's "effective order"). Scores run from 0 to 100.
/// With <c>wordOrder: 2</c> it is chrF++ (Popović 2017).
/// </summary>
public sealed class ChrF
{
    /// <summary>sacreBLEU's stand-in for the precision, recall or F-score of an order with nothing to count.</summary>
    private const double Epsilon = 1e-16;

    /// <param name="charOrder">Longest character n-gram (sacreBLEU: 6).</param>
    /// <param name="wordOrder">Longest word n-gram; 0 is chrF, 2 is chrF++.</param>
    /// <param name="beta">How many times recall weighs more than precision (sacreBLEU: 2).</param>
    /// <param name="includeWhitespace">Keep whitespace inside character n-grams (sacreBLEU: no).</param>
    /// <param name="epsilonSmoothing">Average F-scores over every order, an empty order scoring ~0, as chrF++.py, Moses and NLTK do; by default sacreBLEU's effective order.</param>
    public ChrF(int charOrder = 6, int wordOrder = 0, double beta = 2, bool includeWhitespace = false, bool epsilonSmoothing = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(charOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(wordOrder);
        if (!(beta > 0) || double.IsInfinity(beta))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be a positive number.");
        CharOrder = charOrder;
        WordOrder = wordOrder;
        Beta = beta;
        IncludeWhitespace = includeWhitespace;
        EpsilonSmoothing = epsilonSmoothing;
    }

    public int CharOrder { get; }

    public int WordOrder { get; }

    public double Beta { get; }

    public bool IncludeWhitespace { get; }

    public bool EpsilonSmoothing { get; }

    /// <summary>The metric's name as sacreBLEU prints it: chrF2, or chrF2++ with word 2-grams.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"chrF{Beta:0.###}{new string('+', WordOrder)}");

    /// <summary>The n-gram counts of one hypothesis against its reference.</summary>
    public ChrFStatistics Statistics(string hypothesis, string reference)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        ArgumentNullException.ThrowIfNull(reference);
        var hypothesisGrams = NGramCounter.CharacterNGrams(hypothesis, CharOrder, IncludeWhitespace);
        var referenceGrams = NGramCounter.CharacterNGrams(reference, CharOrder, IncludeWhitespace);
        if (WordOrder > 0)
        {
            hypothesisGrams = [.. hypothesisGrams, .. NGramCounter.WordNGrams(ChrFText.WordsWithPunctuationApart(hypothesis), WordOrder)];
            referenceGrams = [.. referenceGrams, .. NGramCounter.WordNGrams(ChrFText.WordsWithPunctuationApart(reference), WordOrder)];
        }
        return new([.. hypothesisGrams.Zip(referenceGrams, NGramCounter.Match)]);
    }

    /// <summary>The score of one hypothesis against its reference, 0 to 100.</summary>
    public double SentenceScore(string hypothesis, string reference) => Score(Statistics(hypothesis, reference));

    /// <summary>The score of a corpus, 0 to 100: computed from the summed statistics of its segments.</summary>
    public double CorpusScore(IEnumerable<(string Hypothesis, string Reference)> segments) =>
        Score(segments.Aggregate(ChrFStatistics.Empty(CharOrder + WordOrder), (sum, segment) => sum + Statistics(segment.Hypothesis, segment.Reference)));

    /// <summary>The score of (summed) statistics, 0 to 100.</summary>
    public double Score(ChrFStatistics statistics)
    {
        if (statistics.Orders.Length != CharOrder + WordOrder)
            throw new ArgumentException($"{Name} scores statistics of {CharOrder + WordOrder} n-gram orders, not {statistics.Orders.Length}.", nameof(statistics));

        var factor = Beta * Beta;
        double fScoreSum = 0, precisionSum = 0, recallSum = 0;
        var effectiveOrder = 0;
        foreach (var order in statistics.Orders)
        {
            var precision = order.Hypothesis > 0 ? (double)order.Matches / order.Hypothesis : Epsilon;
            var recall = order.Reference > 0 ? (double)order.Matches / order.Reference : Epsilon;
            var denominator = factor * precision + recall;
            fScoreSum += denominator > 0 ? (1 + factor) * precision * recall / denominator : Epsilon;
            if (order.Hypothesis > 0 && order.Reference > 0)
            {
                precisionSum += precision;
                recallSum += recall;
                effectiveOrder++;
            }
        }

        if (EpsilonSmoothing)
            return 100 * fScoreSum / statistics.Orders.Length;
        if (effectiveOrder == 0)
            return 0;
        var (averagePrecision, averageRecall) = (precisionSum / effectiveOrder, recallSum / effectiveOrder);
        return averagePrecision + averageRecall > 0
            ? 100 * (1 + factor) * averagePrecision * averageRecall / (factor * averagePrecision + averageRecall)
            : 0;
    }
}
