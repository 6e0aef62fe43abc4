using System.Collections.Immutable;

namespace Grid.Client.Evaluation;

/// <summary>
/// The n-gram counts chrF is computed from, character orders first, then word orders. Statistics add up:
/// a corpus score is the score of the summed statistics of its segments, not the mean of their scores.
/// </summary>
public sealed record ChrFStatistics(ImmutableArray<NGramMatchCounts> Orders)
{
    public static ChrFStatistics Empty(int orders) => new(ImmutableArray.CreateRange(Enumerable.Repeat(default(NGramMatchCounts), orders)));

    public static ChrFStatistics operator +(ChrFStatistics left, ChrFStatistics right)
    {
        if (left.Orders.Length != right.Orders.Length)
            throw new ArgumentException($"Statistics of {left.Orders.Length} and {right.Orders.Length} n-gram orders cannot be added; they come from differently configured chrF metrics.", nameof(right));
        return new(left.Orders.Zip(right.Orders, (a, b) => a + b).ToImmutableArray());
    }

    /// <summary>Equal counts are equal statistics; an ImmutableArray alone would compare by reference.</summary>
    public bool Equals(ChrFStatistics? other) => other is not null && Orders.SequenceEqual(other.Orders);

    public override int GetHashCode() => Orders.Aggregate(0, HashCode.Combine);
}
