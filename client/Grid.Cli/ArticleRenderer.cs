using System.Text;
using Grid.Abstractions.Articles;

namespace Grid.Cli;

/// <summary>An article for reading in a terminal or a markdown file: titles, both summaries, then each paragraph in Arabic and English.</summary>
public static class ArticleRenderer
{
    public static string Render(ArticleView article, bool markdown)
    {
        var text = new StringBuilder();
        var heading = markdown ? "# " : "";
        var section = markdown ? "## " : "";
        text.AppendLine($"{heading}{article.Title?.En ?? "(untitled)"}");
        if (article.Title is { } title)
            text.AppendLine($"{heading}{title.Ar}");
        text.AppendLine();
        AppendLine(text, "Date", article.DateLine);
        AppendLine(text, "Byline", article.Byline);
        AppendLine(text, "Source", article.Source);
        text.AppendLine($"Status: {article.Status.ToString().ToLowerInvariant()} ({article.ChunksDone}/{article.ChunksTotal} chunks)");
        text.AppendLine();

        if (article.Summary is { } summary)
        {
            text.AppendLine($"{section}Summary").AppendLine().AppendLine(summary.En).AppendLine().AppendLine(summary.Ar).AppendLine();
            foreach (var point in summary.KeyPoints)
                text.AppendLine($"- {point}");
            text.AppendLine();
        }

        text.AppendLine($"{section}Article").AppendLine();
        foreach (var paragraph in article.Paragraphs)
        {
            text.AppendLine(markdown ? $"> {paragraph.Ar}" : paragraph.Ar).AppendLine();
            text.AppendLine(paragraph.En ?? "(not translated yet)").AppendLine();
        }

        if (!article.Warnings.IsEmpty)
        {
            text.AppendLine($"{section}Warnings").AppendLine();
            foreach (var warning in article.Warnings)
                text.AppendLine($"- {warning}");
            text.AppendLine();
        }
        if (article.Failure is { } failure)
            text.AppendLine($"Failed: {failure}");
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string label, string? value)
    {
        if (value is not null)
            text.AppendLine($"{label}: {value}");
    }
}
