using Grid.Grains.Tests.Text;

namespace Grid.Cluster.Tests.Api;

/// <summary>A short, distinct Arabic news page made from a seed: a title and a few body paragraphs.</summary>
internal sealed record GeneratedArticle(string Title, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The page as scraped: the title line, then the body.</summary>
    public string Text => string.Join("\n\n", [Title, .. Paragraphs]);

    /// <summary>The body alone, for a submission that names its title.</summary>
    public string Body => string.Join("\n\n", Paragraphs);

    public static GeneratedArticle FromSeed(int seed, int paragraphs = 2)
    {
        var random = new ArabicArticleGenerator(seed);
        return new(random.Title(), [.. Enumerable.Range(0, paragraphs).Select(_ => random.Paragraph(maxSentenceWords: 20).Text)]);
    }
}
