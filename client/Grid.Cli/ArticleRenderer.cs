using System.Text;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

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
        text.AppendLine($"Status: {article.Status.ToString().ToLowerInvariant()} ({article.Progress} chunks)");
        text.AppendLine($"Mode: {ModeLine(article)}");
        if (article.Revision > 1)
            text.AppendLine($"Revision: {article.Revision}{(article.OlderRevisions.IsDefaultOrEmpty ? "" : $" (older kept: {string.Join(", ", article.OlderRevisions)})")}");
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
            if (paragraph.Changed)
                text.AppendLine(markdown ? $"*{ChangedMark(article)}*" : $"[{ChangedMark(article)}]");
            text.AppendLine(markdown ? $"> {paragraph.Ar}" : paragraph.Ar).AppendLine();
            text.AppendLine(paragraph.En ?? "(not translated yet)").AppendLine();
        }

        if (!article.Glossary.IsDefaultOrEmpty)
        {
            text.AppendLine($"{section}Glossary").AppendLine();
            foreach (var entry in article.Glossary)
                text.AppendLine($"- {entry.Source} = {entry.English} ({entry.Kind}, {entry.Origin.ToString().ToLowerInvariant()})");
            text.AppendLine();
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

    /// <summary>What a paragraph new or edited since the previous revision is marked with, as the reader page does.</summary>
    public static string ChangedMark(ArticleView article) => $"Changed in revision {article.Revision}";

    /// <summary>The mode and what the LLM calls went to, stage by stage: reflect's extra cost is its critique and improve calls.</summary>
    private static string ModeLine(ArticleView article)
    {
        var stages = article.Usage.Stages.IsDefaultOrEmpty ? "" : "; calls by stage: " + string.Join(", ", article.Usage.Stages.Select(stage => $"{stage.Stage} {stage.Usage.Calls}"));
        var extra = UsageStages.ReflectExtra.Select(article.Usage.Stage).Aggregate(LlmUsage.None, (sum, usage) => sum + usage);
        var cost = article.Mode == TranslationMode.Reflect ? $" (extra cost: {extra.Calls} calls, {extra.InputTokens + extra.OutputTokens} tokens)" : "";
        return $"{article.Mode.ToString().ToLowerInvariant()}{cost}{stages}";
    }

    private static void AppendLine(StringBuilder text, string label, string? value)
    {
        if (value is not null)
            text.AppendLine($"{label}: {value}");
    }
}
