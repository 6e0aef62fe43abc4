using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>
/// What a search looks through for one article, both languages side by side: its title, its summary
/// (with the key points) and its paragraphs. Kept as written; the index normalizes it.
/// </summary>
/// <param name="Title">The Arabic title and its English.</param>
/// <param name="Summary">The summary in English and Arabic, and its key points.</param>
/// <param name="Body">Every paragraph in Arabic, and the English of those translated.</param>
public sealed record ArticleSearchText(string Title, string Summary, string Body)
{
    public static ArticleSearchText Of(ArticleView article) => new(
        Join(article.Title?.Ar, article.Title?.En),
        Join([article.Summary?.En, article.Summary?.Ar, .. article.Summary?.KeyPoints ?? []]),
        Join([.. article.Paragraphs.Select(paragraph => paragraph.Ar), .. article.Paragraphs.Select(paragraph => paragraph.En)]));

    private static string Join(params IEnumerable<string?> parts) => string.Join('\n', parts.Where(part => !string.IsNullOrWhiteSpace(part)));
}
