namespace Grid.Grains.Text;

/// <summary>
/// Estimates how many tokens a text costs from its length, until a backend reports real counts.
/// Deliberately simple and monotonic, so "fits the budget" can be decided from a length alone.
/// </summary>
public sealed class TokenEstimator
{
    /// <summary>Creates an estimator that counts one token per <paramref name="charsPerToken"/> characters.</summary>
    public TokenEstimator(double charsPerToken)
    {
        if (!double.IsFinite(charsPerToken) || charsPerToken <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(charsPerToken), charsPerToken, "Characters per token must be a positive number.");
        }
        CharsPerToken = charsPerToken;
    }

    /// <summary>Characters counted as one token.</summary>
    public double CharsPerToken { get; }

    /// <summary>The estimated token count of <paramref name="text"/>.</summary>
    public int Estimate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EstimateLength(text.Length);
    }

    /// <summary>The estimated token count of a text of <paramref name="characters"/> UTF-16 characters.</summary>
    public int EstimateLength(int characters) => (int)Math.Ceiling(characters / CharsPerToken);
}
