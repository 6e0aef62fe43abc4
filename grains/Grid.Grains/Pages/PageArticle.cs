using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Grid.Grains.Pages;

/// <summary>
/// Finds a page's article with SmartReader (Mozilla's Readability ported to .NET), which scores the
/// page's blocks and keeps the article, leaving out navigation, share buttons and related links that
/// sit even inside an <c>&lt;article&gt;</c>. What it keeps becomes lines for Grid's parser, which
/// sets aside whatever furniture is left, so nothing is dropped unseen.
/// </summary>
public static partial class PageArticle
{
    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "figure", "figcaption", "table", "tr", "td", "th", "dd", "dt", "dl", "address", "time", "hr",
    ];

    /// <summary>Shortest paragraph that makes what Readability picked an article (a short Arabic sentence).</summary>
    private const int MinParagraphChars = 60;

    /// <summary>The article of <paramref name="html"/>, or null when the page has none (a section front, a list of links).</summary>
    /// <param name="url">Where the page is (relative links resolve against it); nothing is fetched from it.</param>
    public static ExtractedPage? Extract(string html, Uri url)
    {
        var article = new Reader(url.AbsoluteUri, html).GetArticle();
        if (string.IsNullOrWhiteSpace(article.Content))
            return null;
        // Readability's own "is this readable" asks for blocks of 140 characters and more, tuned on English; Arabic
        // news paragraphs are often one short sentence. What it picked is an article when it holds a paragraph of prose.
        var content = new HtmlParser().ParseDocument(article.Content);
        if (!content.QuerySelectorAll("p, pre, blockquote").Any(block => Clean(block.TextContent).Length >= MinParagraphChars))
            return null;
        var body = Lines(content);

        var title = Clean(article.Title);
        var byline = Clean(article.Byline);
        DateTimeOffset? published = article.PublicationDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null;
        var lines = new List<string>();
        // A numeric date line the parser recognises, where a scraped page shows its date.
        if (published is { } when)
            lines.Add(when.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (title.Length > 0 && !body.Contains(title))
            lines.Add(title);
        if (byline.Length > 0 && !body.Contains(byline))
            lines.Add(byline);
        lines.AddRange(body);
        var siteName = Clean(article.SiteName);
        return new ExtractedPage(string.Join("\n\n", lines), title.Length > 0 ? title : null, byline.Length > 0 ? byline : null, published,
            siteName.Length > 0 ? siteName : null);
    }

    /// <summary>One line per paragraph, heading or list item of the article's HTML.</summary>
    private static List<string> Lines(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var text = new StringBuilder();
        Collect(document.Body ?? (INode)document, text);
        return [.. text.ToString().Split('\n').Select(Clean).Where(line => line.Length > 0)];
    }

    private static void Collect(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText content:
                // Line breaks inside an element are the page source's layout, not the article's.
                text.Append(content.Data.Replace('\n', ' ').Replace('\r', ' '));
                break;
            case IElement { LocalName: "br" }:
                text.Append('\n');
                break;
            case IElement { LocalName: "script" or "style" or "noscript" or "template" }:
                break;
            case IElement element when Blocks.Contains(element.LocalName):
                text.Append('\n');
                foreach (var child in element.ChildNodes)
                    Collect(child, text);
                text.Append('\n');
                break;
            default:
                foreach (var child in node.ChildNodes)
                    Collect(child, text);
                break;
        }
    }

    private static string Clean(string? line) => Whitespace().Replace(line ?? "", " ").Trim();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Whitespace();
}
