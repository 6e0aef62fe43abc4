using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Articles;

/// <summary>Assembles what a reader sees from an article's state: paragraphs paired with their English, warnings, usage.</summary>
public static class ArticleViewBuilder
{
    /// <param name="extraWarnings">Warnings kept outside the state, such as a failing storage.</param>
    public static ArticleView Build(string id, ArticleState article, IEnumerable<string> extraWarnings)
    {
        var submission = article.Submission!;
        var parsed = article.Parsed!;
        var title = ArticleDraft.TitleOf(submission, parsed);
        return new ArticleView
        {
            Id = id,
            Status = article.Status,
            ChunksDone = article.ChunksDone,
            ChunksTotal = article.Chunks.Length,
            Title = title is null ? null : new BilingualText(title, TitleEnglish(title, article)),
            DateLine = parsed.DateLine,
            Byline = parsed.Byline,
            Source = submission.Source,
            Url = submission.Url,
            Paragraphs = Paragraphs(parsed, article),
            Summary = article.Summary,
            Omitted = [.. parsed.Omitted.Select(line => new OmittedText(line.Text, line.Reason))],
            Warnings = [.. Warnings(article), .. extraWarnings],
            Usage = ArticleUsage.From(article.Usage, article.CachedChunks, (article.FinishedAt ?? DateTimeOffset.UtcNow) - article.SubmittedAt,
                [.. article.StageUsage.OrderBy(stage => stage.Key, StringComparer.Ordinal).Select(stage => new StageUsage(stage.Key, stage.Value))]),
            Failure = article.Failure,
            SubmittedAt = article.SubmittedAt,
            FinishedAt = article.FinishedAt,
            Glossary = article.Glossary.IsDefault ? [] : article.Glossary,
            Mode = article.Mode,
            WaitingForBackend = article.WaitingForBackend,
            MissingParagraphs = article.MissingParagraphs(),
        };
    }

    /// <summary>The article's line in the list of recent articles.</summary>
    public static ArticleListItem ListItem(string id, ArticleState article)
    {
        var title = ArticleDraft.TitleOf(article.Submission!, article.Parsed!);
        return new ArticleListItem(
            id, article.Status, article.ChunksDone, article.Chunks.Length,
            title is null ? null : new BilingualText(title, TitleEnglish(title, article)),
            article.Submission!.Source, article.SubmittedAt, article.FinishedAt, article.Failure, article.MissingParagraphs());
    }

    private static string? TitleEnglish(string title, ArticleState article) =>
        !ArabicScript.ContainsArabic(title) ? title
        : article.Translations.TryGetValue(WorkItem.Title, out var result) && result.Succeeded ? result.English[0]
        : null;

    /// <summary>A paragraph's English is the English of its pieces, in chunk order; null until every piece is in.</summary>
    private static ImmutableArray<ParagraphView> Paragraphs(ParsedArticle parsed, ArticleState article)
    {
        var pieces = parsed.Paragraphs.Select(_ => new List<string?>()).ToList();
        foreach (var chunk in article.Chunks)
        {
            var translated = article.Translations.GetValueOrDefault(chunk.Index);
            for (var s = 0; s < chunk.Segments.Length; s++)
                pieces[chunk.Segments[s].ParagraphIndex].Add(translated?.EnglishOf(s));
        }
        return [.. parsed.Paragraphs.Select((arabic, index) => new ParagraphView(
            index, arabic, pieces[index].Count > 0 && pieces[index].All(piece => piece is not null) ? string.Join(' ', pieces[index]) : null))];
    }

    private static ImmutableArray<string> Warnings(ArticleState article)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        foreach (var (index, result) in article.Translations.OrderBy(pair => pair.Key))
        {
            var where = index == WorkItem.Title ? "title" : $"chunk {index} ({ParagraphRange(article, index)})";
            if (!result.Succeeded)
                warnings.Add($"{where}: not translated: {result.FailureDetail}");
            else if (!result.Repairs.IsDefaultOrEmpty)
                warnings.Add($"{where}: {string.Join("; ", result.Repairs)}");
            if (result.Succeeded && !result.Untranslated.IsDefaultOrEmpty)
                warnings.AddRange(result.Untranslated.Select(gap => $"{PieceName(article, index, gap.Segment)} was left untranslated: {gap.Reason}"));
        }
        warnings.AddRange(article.Warnings);
        return warnings.ToImmutable();
    }

    /// <summary>The paragraph a chunk's piece belongs to, as the reader numbers them.</summary>
    private static string PieceName(ArticleState article, int chunkIndex, int segment) =>
        chunkIndex == WorkItem.Title ? "the title" : $"paragraph {article.Chunks[chunkIndex].Segments[segment].ParagraphIndex}";

    private static string ParagraphRange(ArticleState article, int chunkIndex)
    {
        var paragraphs = article.Chunks[chunkIndex].Segments.Select(segment => segment.ParagraphIndex).Distinct().ToList();
        return paragraphs.Count == 1 ? $"paragraph {paragraphs[0]}" : $"paragraphs {paragraphs[0]}-{paragraphs[^1]}";
    }
}
