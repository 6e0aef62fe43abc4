using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// Pairs a paragraph's Arabic sentences with its English ones, in order, for the sentence memory; only when both have the
/// same number of sentences (the prompt asks for one English sentence per Arabic one). Never a guess: counts that differ pair nothing.
/// </summary>
public static class SentenceAlignment
{
    /// <summary>The pairs, in order; null when the counts differ or either side is blank.</summary>
    public static IReadOnlyList<(string Arabic, string English)>? Of(string arabic, string english)
    {
        var (source, target) = (SentenceSplitter.Split(arabic), SentenceSplitter.Split(english));
        return source.Count == 0 || source.Count != target.Count ? null : [.. source.Zip(target)];
    }
}
