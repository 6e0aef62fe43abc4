using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

/// <summary>Checks that hold for every parse, whatever the input.</summary>
internal static class ParsedArticleAssert
{
    /// <summary>Every non-empty normalized line is in exactly one of date, title, byline, body or omitted.</summary>
    public static void AccountsForEveryLine(string source, ParsedArticle article)
    {
        var sourceLines = TextNormalizer.Normalize(source).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var placed = new[] { article.DateLine, article.Title, article.Byline }
            .OfType<string>()
            .Concat(article.Paragraphs)
            .Concat(article.Omitted.Select(line => line.Text));

        Assert.Equal(sourceLines.Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
        Assert.Equal(
            sourceLines.Where(line => article.Omitted.Any(omitted => omitted.Text == line)),
            article.Omitted.Select(line => line.Text));
    }
}
