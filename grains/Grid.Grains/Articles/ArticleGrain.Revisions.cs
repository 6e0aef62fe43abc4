using System.Diagnostics;
using Grid.Abstractions.Articles;
using Grid.Grains.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>
/// The article's revisions: a new text becomes the next revision (<see cref="RevisionDraft"/>), which
/// the same work as a new article's carries out; its unchanged paragraphs come from the paragraph cache.
/// A revision still in work is superseded: the work it started in the background (glossary, paragraph
/// lookup, summary) sees that it is no longer current (<see cref="Superseded"/>) and drops what it got;
/// what it finished is in the chunk and paragraph caches, so the next revision does not pay for it again.
/// </summary>
public sealed partial class ArticleGrain
{
    public async Task<RevisionReceipt> UpdateAsync(ArticleSubmission submission)
    {
        if (!Article.Exists)
        {
            DeactivateOnIdle();
            return new RevisionReceipt(Id, RevisionOutcome.NotFound, 0, ArticleStatus.Failed);
        }
        if (Article.Status == ArticleStatus.Fetching)
            return Refused(RevisionOutcome.Busy, new(RejectionKind.Unavailable, $"Article '{Id}' is still fetching its page: it has no text to revise yet. Send the new text once it has."));
        if (PageIntake.IsByUrl(submission))
            return Refused(RevisionOutcome.Refused, new(RejectionKind.Empty, "An update carries the article's new text: send it in 'text' (JSON), as text/plain, or as the page in 'html' or text/html. A URL alone is fetched again by the HTTP API (PUT {\"url\"}), not by the article."));

        var (prepared, _, unreadable) = ServiceProvider.GetRequiredService<PageIntake>().Prepare(submission);
        if (unreadable is not null)
            return Refused(RevisionOutcome.Refused, unreadable);
        var draft = RevisionDraft.Create(Id, Article, prepared, _options, _translator.Model, _translation, DateTimeOffset.UtcNow);
        if (draft.Unchanged)
            return Receipt(RevisionOutcome.Unchanged);
        if ((draft.Rejection ?? (submission.CallbackUrl is null ? null : CallbackCheck.Check(prepared))) is { } rejection)
            return Refused(RevisionOutcome.Refused, rejection);
        return await StoreRevisionAsync(draft.Next!);
    }

    public Task<RevisionLookup> GetRevisionAsync(int revision)
    {
        if (!Article.Exists)
            return Task.FromResult(RevisionLookup.NoArticle);
        var found = revision == Article.CurrentRevision
            ? ArticleViewBuilder.Revision(Id, Article)
            : Article.OlderRevisions.FirstOrDefault(older => older.Revision == revision);
        return Task.FromResult(new RevisionLookup(found, Article.CurrentRevision, Article.OldestKeptRevision));
    }

    /// <summary>Accepted only once stored, as a new article is; until then the article stays the revision it was.</summary>
    private async Task<RevisionReceipt> StoreRevisionAsync(ArticleState next)
    {
        try
        {
            // A finished article left the watchdog's index: the new revision's work must be found after a crash.
            await Watchdog.TrackAsync(Id);
        }
        catch (Exception error)
        {
            LogRevisionNotStored(Id, next.Revision, error.Message);
            return Refused(RevisionOutcome.Refused, new(RejectionKind.Unavailable, $"The new revision could not be recorded for the watchdog ({error.Message}), so the article is as it was. Sending it again is safe."));
        }
        var previous = _state.State;
        next.TraceParent = Activity.Current?.Id;
        _state.State = next;
        // Background work of the revision replaced finds it superseded; the next tick starts this one's.
        (_summarizing, _extracting) = (null, null);
        AdvanceIndexVersion();
        if (!await _checkpoint.SaveAsync(changed: true))
        {
            var reason = _checkpoint.UnsavedBecause;
            _state.State = previous;
            LogRevisionNotStored(Id, next.Revision, reason);
            return Refused(RevisionOutcome.Refused, new(RejectionKind.Unavailable, $"The new revision could not be stored ({reason}), so the article is as it was. Sending it again is safe."));
        }
        _storedFinished = false;
        await ListInCatalogAsync();
        LogRevised(Id, next.Revision, next.ChangedParagraphs.Count, next.Plan!.Paragraphs.Length);
        ResumeWork();
        return Receipt(RevisionOutcome.Created);
    }

    /// <summary>The revision that started some background work is no longer the article's: what that work got is dropped.</summary>
    private bool Superseded(int revision) => Article.CurrentRevision != revision;

    /// <summary>A content id names its first text: submitting that text again finds the article, whatever revision it is at.</summary>
    private bool IsFirstRevisionText(ArticleSubmission submission) => submission.Id is null && ArticleIds.For(submission) == Id;

    private RevisionReceipt Receipt(RevisionOutcome outcome) => new(Id, outcome, Article.CurrentRevision, Article.Status);

    private RevisionReceipt Refused(RevisionOutcome outcome, SubmitRejection rejection) => new(Id, outcome, Article.CurrentRevision, Article.Status, rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Id} is now revision {Revision}: {Changed} of its {Paragraphs} paragraphs changed")]
    private partial void LogRevised(string id, int revision, int changed, int paragraphs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: revision {Revision} was not accepted: it could not be stored ({Error})")]
    private partial void LogRevisionNotStored(string id, int revision, string? error);
}
