namespace Grid.Client.Evaluation;

/// <summary>Counts the character and word n-grams of a text, and how many of a hypothesis's appear in a reference.</summary>
internal static class NGramCounter
{
    /// <summary>Character n-grams of orders 1 to <paramref name="maxOrder"/>, counted in code points.</summary>
    public static Dictionary<string, int>[] CharacterNGrams(string text, int maxOrder, bool includeWhitespace)
    {
        var line = includeWhitespace ? text : ChrFText.RemoveWhitespace(text);
        var starts = ChrFText.CodePointStarts(line);
        var characters = starts.Length - 1;
        var counts = new Dictionary<string, int>[maxOrder];
        for (var n = 1; n <= maxOrder; n++)
        {
            var grams = counts[n - 1] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + n <= characters; i++)
                Increment(grams, line[starts[i]..starts[i + n]]);
        }
        return counts;
    }

    /// <summary>Word n-grams of orders 1 to <paramref name="maxOrder"/>, each the words joined by a space.</summary>
    public static Dictionary<string, int>[] WordNGrams(IReadOnlyList<string> words, int maxOrder)
    {
        var counts = new Dictionary<string, int>[maxOrder];
        for (var n = 1; n <= maxOrder; n++)
        {
            var grams = counts[n - 1] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + n <= words.Count; i++)
                Increment(grams, string.Join(' ', words.Skip(i).Take(n)));
        }
        return counts;
    }

    /// <summary>Compares one order's n-grams; a hypothesis n-gram matches at most as often as the reference has it.</summary>
    public static NGramMatchCounts Match(Dictionary<string, int> hypothesis, Dictionary<string, int> reference)
    {
        long hypothesisCount = 0, matches = 0;
        foreach (var (gram, count) in hypothesis)
        {
            hypothesisCount += count;
            if (reference.TryGetValue(gram, out var inReference))
                matches += Math.Min(count, inReference);
        }
        // sacreBLEU does not count the hypothesis's n-grams of an order the reference has none of.
        return new(reference.Count == 0 ? 0 : hypothesisCount, reference.Values.Sum(count => (long)count), matches);
    }

    private static void Increment(Dictionary<string, int> counts, string gram) =>
        counts[gram] = counts.GetValueOrDefault(gram) + 1;
}
