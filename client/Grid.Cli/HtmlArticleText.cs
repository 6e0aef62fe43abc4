using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Grid.Cli;

/// <summary>
/// Reduces a saved web page to its article text, as plain lines for Grid's parser: scripts, styles,
/// navigation, headers, footers and asides go; the <c>article</c> (or <c>main</c>, or the body) stays,
/// one line per paragraph, heading or list item. The page's headline leads, so that it becomes the title.
/// </summary>
public static partial class HtmlArticleText
{
    private static readonly string Dropped = "script, style, noscript, template, nav, header, footer, aside, form, button, iframe, svg, object";

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "figure", "figcaption", "table", "tr", "td", "th", "dd", "dt", "dl", "address", "time", "hr",
    ];

    public static string Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var headline = Clean(document.QuerySelector("article h1, main h1, h1")?.TextContent
            ?? document.QuerySelector("meta[property='og:title']")?.GetAttribute("content")
            ?? document.Title);

        foreach (var element in document.QuerySelectorAll(Dropped).ToList())
            element.Remove();
        var root = (INode?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? (INode)document;

        var text = new StringBuilder();
        Collect(root, text);
        var lines = text.ToString().Split('\n').Select(Clean).Where(line => line.Length > 0).ToList();
        if (headline.Length > 0 && !lines.Contains(headline))
            lines.Insert(0, headline);
        return string.Join("\n\n", lines);
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
