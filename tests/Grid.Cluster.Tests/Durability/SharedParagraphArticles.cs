using Grid.Grains.Tests.Text;

namespace Grid.Cluster.Tests.Durability;

/// <summary>Generated articles that share some of their paragraphs, as wire copies of one story do.</summary>
internal static class SharedParagraphArticles
{
    /// <summary><paramref name="count"/> articles of <paramref name="paragraphs"/> paragraphs; about <paramref name="sharedShare"/> of each comes from a common pool.</summary>
    public static List<List<string>> Generate(int count, int paragraphs, double sharedShare, int seed)
    {
        var random = new ArabicArticleGenerator(seed);
        var pool = Enumerable.Range(0, paragraphs).Select(_ => Paragraph(random)).ToList();
        return Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, paragraphs).Select(i => random.Chance(sharedShare) ? pool[i] : Paragraph(random)).ToList())
            .ToList();
    }

    public static string Page(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    /// <summary>
    /// Five sentences ending in a full stop: prose the parser keeps as body, sized so that under
    /// <see cref="GridSettings.ChunkTokens"/> each paragraph is a chunk of its own and a shared paragraph is a shared chunk.
    /// </summary>
    private static string Paragraph(ArabicArticleGenerator random) =>
        string.Join(" ", Enumerable.Range(0, 5).Select(_ => random.Sentence(random.Next(10, 12)).TrimEnd('.', '!', '؟', '?') + "."));
}
