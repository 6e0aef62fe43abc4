using System.Text.RegularExpressions;

namespace Grid.Benchmarks;

/// <summary>
/// Arabic articles made from the sample's own sentences, recombined: real Arabic prose, as many
/// articles as wanted, with a chosen share of paragraphs common to many of them (as wire copies of
/// one story have). The sample has a few dozen sentences, so by default a paragraph that is not shared is
/// still made of sentences other articles carry too, which no real news does; <c>distinctSentences</c>
/// shuffles the words of each such sentence, so only the shared paragraphs repeat.
/// </summary>
public sealed partial class SyntheticArticles(int seed)
{
    private readonly Random _random = new(seed);
    private readonly string[] _sentences = Sentences(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt")));

    public List<string> Generate(int count, int paragraphs, double sharedShare, bool distinctSentences = false)
    {
        var pool = Enumerable.Range(0, paragraphs).Select(_ => Paragraph(distinctSentences)).ToList();
        return Enumerable.Range(0, count)
            .Select(_ => string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(i => _random.NextDouble() < sharedShare ? pool[i] : Paragraph(distinctSentences))))
            .ToList();
    }

    private string Paragraph(bool distinctSentences) =>
        string.Join(" ", Enumerable.Range(0, 3).Select(_ => _sentences[_random.Next(_sentences.Length)]).Select(sentence => distinctSentences ? Shuffled(sentence) : sentence));

    /// <summary>The sentence's words in a random order, ending with its full stop.</summary>
    private string Shuffled(string sentence)
    {
        var words = sentence.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _random.Shuffle(words);
        return string.Join(' ', words) + ".";
    }

    /// <summary>The sample's body sentences: lines long enough to be prose, cut after each full stop.</summary>
    private static string[] Sentences(string sample) =>
        [.. sample.Split('\n')
            .Where(line => line.Split(' ').Length > 12)
            .SelectMany(line => SentenceEnd().Split(line))
            .Select(sentence => sentence.Trim())
            .Where(sentence => sentence.Length > 20)
            .Select(sentence => sentence.EndsWith('.') ? sentence : sentence + ".")];

    [GeneratedRegex(@"(?<=\.)\s+")]
    private static partial Regex SentenceEnd();
}
