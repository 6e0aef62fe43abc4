using Grid.Abstractions.Articles;
using Grid.Grains.Tests.Text;

namespace Grid.Cluster.Tests;

/// <summary>
/// Property-style: for generated articles of 1 to 40 paragraphs, the result's paragraphs map one
/// to one onto the source's body paragraphs: none lost, none doubled, order kept, each translated.
/// </summary>
public sealed class GeneratedArticlesThroughClusterTests(GridClusterFixture fixture) : IClassFixture<GridClusterFixture>
{
    private const int Articles = 24;

    [Fact]
    public async Task EveryBodyParagraphComesBackOnceInOrderWithItsEnglish()
    {
        var generated = Enumerable.Range(0, Articles).Select(seed => Generate(seed, paragraphs: 1 + (seed * 17 % 40))).ToList();
        Assert.Contains(generated, g => g.Paragraphs.Count == 1);
        Assert.Contains(generated, g => g.Paragraphs.Count >= 35);

        var receipts = await Task.WhenAll(generated.Select(g => fixture.Grid.SubmitAsync(new ArticleSubmission(g.Text))));
        var results = await Task.WhenAll(receipts.Select(r => fixture.Grid.WaitAsync(r.Id!)));

        for (var i = 0; i < generated.Count; i++)
        {
            var (expected, article) = (generated[i].Paragraphs, results[i]);
            Assert.Equal(ArticleStatus.Completed, article.Status);
            Assert.Equal(expected, article.Paragraphs.Select(p => p.Ar).ToList());
            Assert.Equal(Enumerable.Range(0, expected.Count), article.Paragraphs.Select(p => p.Index));
            Assert.All(article.Paragraphs, p => Assert.Equal(GridSettings.ExpectedEnglish(p.Ar), GridSettings.Collapse(p.En!)));
        }
    }

    private static (string Text, List<string> Paragraphs) Generate(int seed, int paragraphs)
    {
        var random = new ArabicArticleGenerator(seed);
        var body = Enumerable.Range(0, paragraphs).Select(_ => random.Paragraph(maxSentenceWords: 30).Text).ToList();
        var page = new List<string> { random.DateLine(), random.HeaderCruftLine(), random.Title(), random.Byline() };
        page.AddRange(body);
        page.Add(random.TrailingCruftLine());
        return (string.Join("\n\n", page), body);
    }
}
