using System.Text.RegularExpressions;

namespace Grid.Benchmarks;

/// <summary>
/// Arabic articles made from the sample's own sentences, recombined: real Arabic prose, as many
/// articles as wanted, with a chosen share of paragraphs common to many of them (as wire copies of
/// one story have).
/// </summary>
public sealed partial class SyntheticArticles(int seed)
{
    private readonly Random _random = new(seed);
    private readonly string[] _sentences = Sentences(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt")));

    public List<string> Generate(int count, int paragraphs, double sharedShare)
    {
        var pool = Enumerable.Range(0, paragraphs).Select(_ => Paragraph()).ToList();
        return Enumerable.Range(0, count)
            .Select(_ => string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(i => _random.NextDouble() < sharedShare ? pool[i] : Paragraph())))
            .ToList();
    }

    private string Paragraph() => string.Join(" ", Enumerable.Range(0, 3).Select(_ => _sentences[_random.Next(_sentences.Length)]));

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
