using System.Net;
using System.Text;
using Grid.Abstractions.Articles;

namespace Grid.Cli;

/// <summary>
/// An article as one standalone HTML page: the English and the Arabic side by side, paragraph by
/// paragraph, each language marked (<c>lang="ar" dir="rtl"</c>, <c>lang="en"</c>) so that browsers,
/// screen readers and fonts treat it right. Everything from the article is HTML-encoded: it is
/// scraped text, and a tag in it is text, never markup.
/// </summary>
public static class ArticleHtmlRenderer
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; line-height: 1.6; color: #222; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; border-bottom: 1px solid #eee; padding: .5rem 0; }
        [lang="ar"] { font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", serif; font-size: 1.15em; }
        .meta, .status, footer { color: #666; font-size: .9em; }
        .missing { color: #a00; font-style: italic; }
        .changed { border-left: 4px solid #d97706; padding-left: .5rem; }
        .changed-mark { grid-column: 1 / -1; color: #b45309; font-size: .85em; margin: 0; }
        h1, h2 { margin: .3em 0; }
        @media (max-width: 40rem) { .pair { grid-template-columns: 1fr; } }
        """;

    public static string Render(ArticleView article)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>{E(article.Title?.En ?? article.Title?.Ar ?? article.Id)}</title>");
        html.AppendLine($"<style>{Style}</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");

        html.AppendLine("<header>");
        html.AppendLine("<div class=\"pair\">");
        html.AppendLine($"<h1 lang=\"en\">{E(article.Title?.En ?? "(untitled)")}</h1>");
        html.AppendLine($"<h1 lang=\"ar\" dir=\"rtl\">{E(article.Title?.Ar ?? "")}</h1>");
        html.AppendLine("</div>");
        var meta = new[] { article.DateLine, article.Byline, article.Source }.Where(part => !string.IsNullOrWhiteSpace(part));
        html.AppendLine($"<p class=\"meta\" lang=\"ar\" dir=\"rtl\">{E(string.Join(" · ", meta))}</p>");
        if (article.Revision > 1)
            html.AppendLine($"<p class=\"status\">Revision {article.Revision}</p>");
        html.AppendLine($"<p class=\"status\">{E(article.Status.ToString().ToLowerInvariant())}: {article.Progress} chunks{(article.Failure is null ? "" : " — " + E(article.Failure))}</p>");
        html.AppendLine("</header>");

        if (article.Summary is { } summary)
        {
            html.AppendLine("<section class=\"summary\">");
            html.AppendLine("<div class=\"pair\">");
            html.AppendLine($"<div lang=\"en\"><h2>Summary</h2><p>{E(summary.En)}</p>");
            if (!summary.KeyPoints.IsDefaultOrEmpty)
                html.AppendLine($"<ul>{string.Concat(summary.KeyPoints.Select(point => $"<li>{E(point)}</li>"))}</ul>");
            html.AppendLine("</div>");
            html.AppendLine($"<div lang=\"ar\" dir=\"rtl\"><h2>الملخص</h2><p>{E(summary.Ar)}</p></div>");
            html.AppendLine("</div>");
            html.AppendLine("</section>");
        }

        html.AppendLine("<main>");
        foreach (var paragraph in article.Paragraphs)
        {
            html.AppendLine($"<div class=\"pair{(paragraph.Changed ? " changed" : "")}\" id=\"p{paragraph.Index}\">");
            if (paragraph.Changed)
                html.AppendLine($"<p class=\"changed-mark\">{E(ArticleRenderer.ChangedMark(article))}</p>");
            html.AppendLine(paragraph.En is null
                ? "<p lang=\"en\" class=\"missing\">(not translated yet)</p>"
                : $"<p lang=\"en\">{E(paragraph.En)}</p>");
            html.AppendLine($"<p lang=\"ar\" dir=\"rtl\">{E(paragraph.Ar)}</p>");
            html.AppendLine("</div>");
        }
        html.AppendLine("</main>");

        html.AppendLine("<footer>");
        if (!article.Warnings.IsDefaultOrEmpty)
            html.AppendLine($"<h2>Warnings</h2><ul>{string.Concat(article.Warnings.Select(warning => $"<li>{E(warning)}</li>"))}</ul>");
        if (!article.Omitted.IsDefaultOrEmpty)
            html.AppendLine($"<details><summary>Left out of the article ({article.Omitted.Length} lines)</summary><ul>{string.Concat(article.Omitted.Select(line => $"<li><span dir=\"auto\">{E(line.Text)}</span> ({E(line.Reason)})</li>"))}</ul></details>");
        html.AppendLine($"<p>Grid article {E(article.Id)}</p>");
        html.AppendLine("</footer>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
