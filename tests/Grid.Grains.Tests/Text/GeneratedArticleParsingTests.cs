using System.Text;
using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

/// <summary>Generated pages (date, title, byline, N paragraphs and random cruft) parse back exactly; each seed is one case.</summary>
public sealed class GeneratedArticleParsingTests
{
    private const int Cases = 300;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, Cases)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AGeneratedPageParsesBackIntoItsParts(int seed)
    {
        var generator = new ArabicArticleGenerator(seed);
        var dateLine = generator.DateLine();
        var title = generator.Title();
        var byline = generator.Byline();
        var paragraphs = Enumerable.Range(0, generator.Next(1, 40))
            .Select(_ => generator.Paragraph(maxSentenceWords: generator.Pick([2, 10, 40])).Text)
            .ToList();

        var page = new StringBuilder();
        var lineBreak = generator.Chance(0.3) ? "\n" : "\n\n";
        void Line(string line) => page.Append(line).Append(lineBreak);
        void Cruft(Func<string> line, double chance, int max)
        {
            for (var i = generator.Next(0, max); i > 0 && generator.Chance(chance); i--)
            {
                Line(line());
            }
        }

        Cruft(generator.HeaderCruftLine, 0.7, 3);
        Line(dateLine);
        Cruft(generator.HeaderCruftLine, 0.7, 3);
        Line(title);
        Cruft(generator.HeaderCruftLine, 0.7, 4);
        Line(byline);
        foreach (var paragraph in paragraphs)
        {
            Line(paragraph);
            Cruft(generator.InlineCruftLine, 0.1, 1);
        }
        Cruft(generator.TrailingCruftLine, 0.8, 8);

        var article = ArticleParser.Parse(page.ToString());

        Assert.Equal(dateLine, article.DateLine);
        Assert.Equal(title, article.Title);
        Assert.Equal(byline, article.Byline);
        Assert.Equal(paragraphs, article.Paragraphs);
        ParsedArticleAssert.AccountsForEveryLine(page.ToString(), article);
    }
}
