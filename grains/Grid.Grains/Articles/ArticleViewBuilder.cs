using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Articles;

/// <summary>Assembles what a reader sees from an article's state: the plan's paragraphs paired with their English, warnings, usage.</summary>
public static class ArticleViewBuilder
{
    /// <param name="extraWarnings">Warnings kept outside the state, such as a failing storage.</param>
    public static ArticleView Build(string id, ArticleState article, IEnumerable<string> extraWarnings)
    {
        var (submission, parsed, plan) = (article.Submission!, article.Parsed!, article.Plan!);
        return new ArticleView
        {
            Id = id,
            Status = article.Status,
            Progress = Progress(plan),
            Title = Title(plan),
            DateLine = parsed.DateLine,
            Byline = parsed.Byline,
            Source = submission.Source,
            Url = submission.Url,
            Paragraphs = Paragraphs(article),
            Summary = article.Summary,
            Omitted = [.. parsed.Omitted.Select(line => new OmittedText(line.Text, line.Reason))],
            Warnings = [.. plan.Warnings(), .. article.Warnings, .. extraWarnings],
            Usage = ArticleUsage.From(article.Usage, article.CachedChunks, (article.FinishedAt ?? DateTimeOffset.UtcNow) - article.SubmittedAt,
                [.. article.StageUsage.OrderBy(stage => stage.Key, StringComparer.Ordinal).Select(stage => new StageUsage(stage.Key, stage.Value))]) with { CachedParagraphs = article.CachedParagraphs },
            Failure = article.Failure,
            SubmittedAt = article.SubmittedAt,
            FinishedAt = article.FinishedAt,
            Glossary = plan.Glossary.IsDefault ? [] : plan.Glossary,
            Mode = article.Mode,
            Priority = article.Priority,
            WaitingForBackend = article.WaitingForBackend,
            MissingParagraphs = plan.MissingParagraphs(),
            Revision = article.CurrentRevision,
            OlderRevisions = [.. article.OlderRevisions.Select(revision => revision.Revision)],
        };
    }

    /// <summary>The revision the state holds, as a reader of its revisions sees it: kept as is once a newer one replaces it.</summary>
    public static ArticleRevision Revision(string id, ArticleState article)
    {
        var (submission, parsed, plan) = (article.Submission!, article.Parsed!, article.Plan!);
        return new ArticleRevision
        {
            Id = id,
            Revision = article.CurrentRevision,
            Status = article.Status,
            Title = Title(plan),
            DateLine = parsed.DateLine,
            Byline = parsed.Byline,
            Source = submission.Source,
            Url = submission.Url,
            Paragraphs = Paragraphs(article),
            Summary = article.Summary,
            SubmittedAt = article.RevisedAt ?? article.SubmittedAt,
            FinishedAt = article.FinishedAt,
        };
    }

    /// <summary>Each paragraph with its English, in order, marked when the previous revision did not have it.</summary>
    private static ImmutableArray<ParagraphView> Paragraphs(ArticleState article)
    {
        var plan = article.Plan!;
        var english = plan.ParagraphEnglish();
        var changed = article.ChangedParagraphs.ToHashSet();
        return [.. plan.Paragraphs.Select((arabic, index) => new ParagraphView(index, arabic, english[index], changed.Contains(index)))];
    }

    /// <summary>The article's line in the list of recent articles.</summary>
    public static ArticleListItem ListItem(string id, ArticleState article)
    {
        var plan = article.Plan!;
        return new ArticleListItem(
            id, article.Status, Progress(plan), Title(plan),
            article.Submission!.Source, article.SubmittedAt, article.FinishedAt, article.Failure, plan.MissingParagraphs(), article.Submission.Feed);
    }

    /// <summary>The one progress record of the view, the list line and the progress snapshot.</summary>
    public static ChunkProgress Progress(ArticlePlan plan) => new(plan.ChunksDone, plan.ChunksTotal);

    private static BilingualText? Title(ArticlePlan plan) => plan.Title is { } title ? new BilingualText(title, plan.TitleEnglish) : null;
}
