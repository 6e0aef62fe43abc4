namespace Grid.Client.Evaluation;

/// <summary>For one n-gram order: how many n-grams the hypothesis and the reference have, and how many of them match.</summary>
/// <param name="Hypothesis">N-grams in the hypothesis; counted as 0 when the reference has none of this order, as sacreBLEU does.</param>
/// <param name="Reference">N-grams in the reference.</param>
/// <param name="Matches">N-grams in both, each counted at most as often as it occurs in the reference (clipped).</param>
public readonly record struct NGramMatchCounts(long Hypothesis, long Reference, long Matches)
{
    public static NGramMatchCounts operator +(NGramMatchCounts left, NGramMatchCounts right) =>
        new(left.Hypothesis + right.Hypothesis, left.Reference + right.Reference, left.Matches + right.Matches);
}
