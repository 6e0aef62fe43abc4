using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// A new text for an existing article, checked and planned as its next revision (<see cref="Create"/>);
/// or the reason there is none: the text is refused, or it is the newest revision's text already.
/// </summary>
public sealed record RevisionDraft(ArticleState? Next, SubmitRejection? Rejection, bool Unchanged)
{
    /// <summary>
    /// The next revision of <paramref name="current"/>: the new text planned as a new article is, with what
    /// the update leaves out (title, source, url, glossary, callback) taken from the current submission.
    /// It keeps the article's submission time (its place in the list), the glossary its previous revision
    /// extracted (so it makes no glossary call, and its unchanged paragraphs keep their cache keys), and
    /// the current revision, as it reads now, among the older ones (the oldest beyond
    /// <see cref="ArticleOptions.MaxRevisions"/> dropped).
    /// </summary>
    public static RevisionDraft Create(string id, ArticleState current, ArticleSubmission update, ArticleOptions options, string model, TranslationOptions translation, DateTimeOffset now)
    {
        var submission = Merged(current.Submission!, update);
        if (ArticleIds.SameContent(current.Submission!, submission) && submission.Title == current.Submission!.Title)
            return new(null, null, Unchanged: true);
        var draft = ArticleDraft.Create(submission, options, model, translation);
        if (draft.Rejection is { } rejection)
            return new(null, rejection, Unchanged: false);

        var next = draft.State!;
        KeepExtractedGlossary(current.Plan!, next.Plan!, PlanSettings.From(options, model, translation));
        next.Revision = current.CurrentRevision + 1;
        next.SubmittedAt = current.SubmittedAt;
        next.RevisedAt = now;
        next.RoundStartedAt = now;
        next.PageUrl = current.PageUrl;
        next.ChangedParagraphs = ChangedParagraphs(current.Plan!, next.Plan!);
        next.OlderRevisions = [.. current.OlderRevisions, ArticleViewBuilder.Revision(id, current)];
        next.OlderRevisions.RemoveRange(0, Math.Max(0, next.OlderRevisions.Count - (options.MaxRevisions - 1)));
        return new(next, null, Unchanged: false);
    }

    /// <summary>The update as a full submission: what it leaves out is the article's, and its id is the article's (none for a content id).</summary>
    public static ArticleSubmission Merged(ArticleSubmission current, ArticleSubmission update) => update with
    {
        Id = current.Id,
        Title = update.Title ?? current.Title,
        Source = update.Source ?? current.Source,
        Url = update.Url ?? current.Url,
        Glossary = update.Glossary.IsDefault ? current.Glossary : update.Glossary,
        CallbackUrl = update.CallbackUrl ?? current.CallbackUrl,
        // The mode is the article's: a translation in another mode is another article (its own content id).
        Mode = current.Mode,
    };

    /// <summary>Paragraphs whose Arabic the previous revision had nowhere: a paragraph that only moved is not changed.</summary>
    public static List<int> ChangedParagraphs(ArticlePlan previous, ArticlePlan next)
    {
        var before = previous.Paragraphs.ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range(0, next.Paragraphs.Length).Where(index => !before.Contains(next.Paragraphs[index]))];
    }

    /// <summary>
    /// The entries the previous revision extracted stay (beneath the caller's and the configured ones), and
    /// the glossary call is not made again; a previous revision that never got its extraction leaves the call to this one.
    /// </summary>
    private static void KeepExtractedGlossary(ArticlePlan previous, ArticlePlan next, PlanSettings settings)
    {
        if (previous.GlossaryPending)
            return;
        next.Glossary = ArticleGlossary.Merge(next.Glossary, previous.Glossary.Where(entry => entry.Origin == GlossaryOrigin.Extracted));
        next.ApplyGlossary([], settings);
    }
}
