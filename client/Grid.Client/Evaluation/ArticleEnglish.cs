using Grid.Abstractions.Articles;

namespace Grid.Client.Evaluation;

/// <summary>The English of an article as one text to score: what a reader sees, in reading order.</summary>
public static class ArticleEnglish
{
    /// <summary>
    /// The title's English, when the article has a title, then each body paragraph's English, one per line.
    /// chrF ignores whitespace, so how the reference breaks its lines does not change the score; what
    /// matters is that the reference covers the same text (its title too when the source has one).
    /// </summary>
    public static string Of(ArticleView article)
    {
        ArgumentNullException.ThrowIfNull(article);
        IEnumerable<string?> parts = [article.Title?.En, .. article.Paragraphs.OrderBy(p => p.Index).Select(p => p.En)];
        return string.Join('\n', parts.Where(part => !string.IsNullOrWhiteSpace(part)));
    }
}
