using System.Diagnostics;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Archive;
using Grid.Grains.Glossary;
using Grid.Grains.Llm;
using Grid.Grains.Pages;
using Grid.Grains.Storage;
using Grid.Grains.Summaries;
using Grid.Grains.Text;
using Grid.Grains.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Storage;

namespace Grid.Grains.Articles;

/// <summary>
/// One article. Every call answers from state at once; the translation fans out to chunk grains
/// that call back when done, and the summary runs in the background here. A timer re-asks for
/// units whose answer has not come, so a lost callback or a crashed silo only delays the work.
/// The grain orchestrates (storage, timers, calls, telemetry): what to translate next and whether
/// the article is done is its plan's to say (<see cref="ArticlePlan"/>).
/// Placed at random: articles spread over the cluster, so a silo that dies takes only its share
/// (the default placement keeps them next to the gateway that received the submission).
/// </summary>
[RandomPlacement]
public sealed partial class ArticleGrain : Grain, IArticleGrain, IArticleSettlementGrain
{
    private readonly IPersistentState<ArticleState> _state;
    private readonly StateCheckpoint<ArticleState> _checkpoint;
    private readonly ChunkTranslator _translator;
    private readonly ArticleSummarizer _summarizer;
    private readonly GlossaryExtractor _glossary;
    private readonly ArticleOptions _options;
    private readonly TranslationOptions _translation;
    private readonly ILogger<ArticleGrain> _logger;
    private readonly IArticleIndex _index;
    /// <summary>How long a save waits for the index to store the article's line before going on without it.</summary>
    private static readonly TimeSpan IndexWriteTimeout = TimeSpan.FromSeconds(5);

    private IGrainTimer? _watchdog;
    private Task? _summarizing;
    private Task? _extracting;
    private ArticleListItem? _listed;
    /// <summary>The stored state is a finished one: only then may the article leave the watchdog's index.</summary>
    private bool _storedFinished;

    public ArticleGrain(
        [PersistentState("article", GridStorage.Articles)] IPersistentState<ArticleState> state,
        ChunkTranslator translator,
        ArticleSummarizer summarizer,
        GlossaryExtractor glossary,
        IOptions<ArticleOptions> options,
        IOptions<TranslationOptions> translation,
        IArticleIndex index,
        ILogger<ArticleGrain> logger)
    {
        (_state, _translator, _summarizer, _glossary, _options, _translation, _index, _logger) =
            (state, translator, summarizer, glossary, options.Value, translation.Value, index, logger);
        // Fingerprinted: a timer tick that changed nothing writes nothing.
        _checkpoint = new StateCheckpoint<ArticleState>(state, ArticleState.Merge, logger, StateFingerprints);
    }

    private string Id => this.GetPrimaryKeyString();

    private ArticleState Article => _state.State;

    private ArticlePlan Plan => Article.Plan!;

    private PlanSettings Settings => PlanSettings.From(_options, _translator.Model, _translation);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A state stored before articles had a plan gets one; it is written with the next save.
        if (Article.UpgradeToPlan())
            LogUpgraded(Id);
        _storedFinished = Article.Finished;
        if (Article.Exists && !Article.Finished)
            ResumeWork();
        // Puts back an entry the index lost in a crash before it was written; not awaited, so an index in trouble never slows an activation.
        _ = ListInCatalogAsync();
        return Task.CompletedTask;
    }

    public async Task<SubmitResult> SubmitAsync(ArticleSubmission submission)
    {
        if (Article.Exists)
        {
            // Only a caller's id can name another text (a content id is the hash of its text).
            if (!ArticleIds.SameContent(Article.Submission!, submission) && !IsSamePage(submission) && !IsFirstRevisionText(submission))
                return new SubmitRejection(RejectionKind.IdTaken,
                    $"The id '{Id}' is already an article with another text. Submit this text under another id (or none, to get its content id); a new text for this article is a new revision (PUT /api/articles/{Id}).");
            if (Article.Finished && Article.HasGaps)
                await (FetchFailed ? FetchAgainAsync() : RetryGapsAsync(track: true));
            return new SubmitReceipt(Id, Article.Status, AlreadyKnown: true);
        }

        if (PageIntake.IsByUrl(submission))
            return await StoreFetchingAsync(submission);
        var draft = ArticleDraft.Create(submission, _options, _translator.Model, _translation);
        if ((CallbackCheck.Check(submission) ?? draft.Rejection) is { } rejection)
        {
            DeactivateOnIdle();
            return rejection;
        }
        return await StoreNewAsync(draft.State!);
    }

    /// <summary>Accepted only once stored: a caller told "202" can count on the article surviving a crash.</summary>
    private async Task<SubmitResult> StoreNewAsync(ArticleState draft)
    {
        try
        {
            // Indexed before it is stored: an article that exists is always found by the watchdog's sweep.
            await Watchdog.TrackAsync(Id);
        }
        catch (Exception error)
        {
            return Unstored(error.Message);
        }
        // An empty state may carry a warning already: the stored one could not be read and was set aside.
        draft.Warnings.InsertRange(0, Article.Warnings);
        // Named by the HTTP API (the API key), a feed or a client in the call's request context.
        draft.Owner ??= SubmissionOwner.Current;
        _state.State = draft;
        Article.TraceParent = Activity.Current?.Id;
        AdvanceIndexVersion();
        if (!await _checkpoint.SaveAsync(changed: true))
        {
            var reason = _checkpoint.UnsavedBecause;
            // Nothing half-made: no state in memory, no entry in the index; the next activation reads storage afresh.
            _state.State = new ArticleState();
            await UntrackQuietlyAsync();
            return Unstored(reason);
        }
        await ListInCatalogAsync();
        GridTelemetry.ArticlesSubmitted.Add(1);
        ResumeWork();
        return new SubmitReceipt(Id, Article.Status, AlreadyKnown: false);
    }

    private SubmitRejection Unstored(string? reason)
    {
        LogNotStored(Id, reason);
        DeactivateOnIdle();
        return new SubmitRejection(RejectionKind.Unavailable, $"The article could not be stored ({reason}), so it was not accepted. Submitting it again is safe.");
    }

    /// <summary>The sweep drops an id whose article does not exist, so a failed removal here only costs a look later.</summary>
    private async Task UntrackQuietlyAsync()
    {
        try
        {
            await Watchdog.UntrackAsync(Id);
        }
        catch (Exception error)
        {
            LogUntrackFailed(Id, error.Message);
        }
    }

    public async Task<ArticleView?> GetAsync() =>
        Article.Exists ? ArticleViewBuilder.Build(Id, Article, CheckpointWarnings()) with { Deliveries = await DeliveriesAsync() } : null;

    public Task<ArticleProgress?> GetProgressAsync() =>
        Task.FromResult(Article.Exists ? new ArticleProgress(Id, Article.Status, ArticleViewBuilder.Progress(Plan), Article.Failure, Article.HasOutageGaps) : null);

    public async Task OnChunkWaitingAsync(string chunkKey, BackendWait? wait)
    {
        if (Article.Exists && Article.NoteBackendWait(chunkKey, wait))
            await SaveSoonAsync();
    }

    public async Task RedriveAsync()
    {
        if (!Article.Exists || !Article.HasOutageGaps)
            return;
        Article.OutageRedrives++;
        LogRedriven(Id, Article.OutageRedrives);
        // Still on the watchdog's list (kept there for this), which is the caller: asking it to track again would wait on ourselves.
        await RetryGapsAsync(track: false);
    }

    public async Task OnChunkTranslatedAsync(string chunkKey, ChunkTranslationResult result)
    {
        if (!Article.Exists || Article.Status != ArticleStatus.Translating)
            return;
        if (!Article.Record(chunkKey, result, Id))
            return;
        KeepParagraphs(chunkKey, result);
        // A complete answer is stored by its chunk grain, which gives it again after a crash; any other is kept only here.
        await (result.Complete ? SaveSoonAsync() : SaveAsync());
        await ContinueAsync(redispatch: false);
    }

    public async Task<bool> DeleteAsync()
    {
        var (existed, submittedAt) = (Article.Exists, Article.SubmittedAt);
        GiveUpClaims();
        StopWatchdog();
        StopGathering();
        _summarizing = null;
        _listed = null;
        if (existed)
            await ClearStateAsync();
        await Watchdog.UntrackAsync(Id);
        await _index.RemoveAsync(Id, submittedAt);
        // A summary still running in the background finds nothing to save; the next call gets a fresh activation.
        DeactivateOnIdle();
        return existed;
    }

    /// <summary>Submitting an article again that ended with parts missing re-drives just those parts; nothing done is redone.</summary>
    private async Task RetryGapsAsync(bool track)
    {
        Article.StartNewRound();
        _summarizing = null;
        _extracting = null;
        if (track)
            await Watchdog.TrackAsync(Id);
        await SaveAsync();
        ResumeWork();
    }

    private void ResumeWork()
    {
        _watchdog ??= this.RegisterGrainTimer(WatchdogTickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _options.WatchdogPeriod) { KeepAlive = true });
    }

    /// <summary>Asks every chunk grain without an answer yet; idempotent, so a tick after a crash or a lost callback is harmless.</summary>
    private async Task WatchdogTickAsync(CancellationToken cancellationToken)
    {
        switch (Article.Status)
        {
            case ArticleStatus.Fetching:
                _fetching ??= FetchPageAsync();
                break;
            case ArticleStatus.Queued or ArticleStatus.Translating:
                await RefreshClaimsAsync();
                await ContinueAsync(redispatch: true);
                break;
            case ArticleStatus.Summarizing:
                _summarizing ??= SummarizeAsync();
                break;
            default:
                await SettleAsync();
                break;
        }
    }

    /// <summary>
    /// The one glossary call, before the chunks fan out (their prompts and cache keys carry its entries).
    /// A failed extraction is a warning: the chunks go out with the caller's and the configured glossary.
    /// </summary>
    private async Task ExtractGlossaryAsync()
    {
        using var activity = GridTelemetry.StartInTraceOf("article.glossary", Article.TraceParent, Id);
        var revision = Article.CurrentRevision;
        GlossaryExtraction extraction;
        try
        {
            extraction = await _glossary.ExtractAsync([.. (Plan.Title is { } title ? [title] : Array.Empty<string>()), .. Plan.Paragraphs], onWait: StageWait(UsageStages.Glossary), lane: Article.Lane);
        }
        catch (LlmException failure)
        {
            // Only a missing model gets here (any other failure is a warning in the extraction): nothing will work until it is pulled.
            Article.AddUsage(UsageStages.Glossary, failure.Usage);
            await FinishAsync(ArticleStatus.Failed, failure.Message);
            return;
        }
        finally
        {
            // Whatever happened, the next watchdog tick may try again while the glossary is still pending.
            _extracting = null;
        }
        if (!Article.Exists || Superseded(revision) || !Plan.GlossaryPending)
            return;
        Article.ApplyGlossary(extraction, Settings);
        await SaveAsync();
        await ContinueAsync(redispatch: true);
    }

    /// <summary>Does what the plan says comes next.</summary>
    /// <param name="redispatch">Ask again for work already out (a watchdog tick), not only for work just planned.</param>
    private async Task ContinueAsync(bool redispatch)
    {
        if (Article.Status is not (ArticleStatus.Queued or ArticleStatus.Translating))
            return;
        switch (Plan.Advance(Settings))
        {
            case PlanStep.ExtractGlossary:
                _extracting ??= ExtractGlossaryAsync();
                break;
            case PlanStep.LookUpParagraphs:
                await LookUpParagraphsAsync();
                break;
            case PlanStep.Fail:
                await FinishAsync(ArticleStatus.Failed, Plan.Failure());
                break;
            case PlanStep.Dispatch:
                // The glossary retries planned by this step, if any: the fingerprint tells.
                await SaveSoonAsync(changed: false);
                await DispatchPendingAsync(askAgain: redispatch);
                break;
            case PlanStep.Wait:
                await DispatchPendingAsync(askAgain: redispatch);
                break;
            case PlanStep.Summarize:
                Article.Status = ArticleStatus.Summarizing;
                await SaveSoonAsync();
                _summarizing ??= SummarizeAsync();
                break;
        }
    }

    /// <summary>
    /// Sends what the plan says goes out now (<see cref="ArticlePlan.WorkToSend"/>: at most <see cref="ArticleOptions.MaxRequestsOut"/>
    /// out at once) to its chunk grains; answers already in the cache come back at once, and the next ones go.
    /// </summary>
    /// <param name="askAgain">A watchdog tick: the requests out are asked again too (a lost callback, a crashed silo).</param>
    private async Task DispatchPendingAsync(bool askAgain)
    {
        await SendAsync(Plan.WorkToSend(_options.MaxRequestsOut, askAgain));
    }

    /// <summary>Sends work to its chunk grains, each in its lane (<see cref="LaneOf"/>), and records the answers already in the cache.</summary>
    private async Task SendAsync(IReadOnlyList<WorkItem> send)
    {
        if (send.Count == 0)
            return;
        using var activity = GridTelemetry.StartInTraceOf("article.dispatch", Article.TraceParent, Id);
        var changed = Article.Status == ArticleStatus.Queued;
        if (changed)
            Article.Status = ArticleStatus.Translating;

        var answers = await Task.WhenAll(send.Select(item =>
            GrainFactory.GetGrain<IChunkTranslationGrain>(item.Key).StartAsync(item.Request(Id, Article.Mode, Article.Payer(Id), LaneOf(item)))));
        var answered = false;
        for (var i = 0; i < send.Count; i++)
        {
            if (answers[i] is { } answer && Article.Record(send[i].Key, answer, Id))
            {
                KeepParagraphs(send[i].Key, answer);
                answered = true;
            }
        }
        // Answers from the cache are there again after a crash, and so is the work to send: nothing here is paid for.
        if (changed || answered)
            await SaveSoonAsync();
        // Answers from the cache make room for the next requests (or finish the translation).
        if (answered)
            await ContinueAsync(redispatch: false);
    }

    private async Task SummarizeAsync()
    {
        using var activity = GridTelemetry.StartInTraceOf("article.summarize", Article.TraceParent, Id);
        var english = Plan.ParagraphEnglish().OfType<string>().ToList();
        var revision = Article.CurrentRevision;
        try
        {
            var result = await _summarizer.SummarizeAsync(Plan.TitleEnglish, english, onWait: StageWait(UsageStages.Summary), lane: Article.Lane);
            if (Superseded(revision))
                return;
            Article.Summary = result.Summary;
            Article.AddUsage(UsageStages.Summary, result.Usage);
        }
        catch (LlmException failure)
        {
            if (Superseded(revision))
                return;
            Article.AddUsage(UsageStages.Summary, failure.Usage);
            if (failure.Kind == LlmFailureKind.ModelMissing)
            {
                await FinishAsync(ArticleStatus.Failed, failure.Message);
                return;
            }
            Article.Warnings.Add($"The summary could not be made: {failure.Message}");
        }
        await FinishAsync(ArticleStatus.Completed, failure: null);
    }

    private async Task FinishAsync(ArticleStatus status, string? failure)
    {
        Article.Status = status;
        Article.Failure = failure;
        Article.FinishedAt = DateTimeOffset.UtcNow;
        Article.BackendWaits.Clear();
        GiveUpClaims();
        await HandOffWebhookAsync();
        var saved = await SaveAsync();
        (status == ArticleStatus.Completed ? GridTelemetry.ArticlesCompleted : GridTelemetry.ArticlesFailed).Add(1);
        LogFinished(Id, status, failure);
        if (saved)
        {
            await LeaveUnfinishedIndexAsync();
            return;
        }
        LogFinalSaveFailed(Id, _checkpoint.UnsavedBecause);
        ResumeWork();
    }

    /// <summary>
    /// A finished article whose final state is not stored stays in the unfinished index, and its timer
    /// keeps trying to save it: were the silo to die first, the watchdog re-drives it from what is stored.
    /// </summary>
    private async Task SettleAsync()
    {
        if (await SaveAsync(changed: false))
            await LeaveUnfinishedIndexAsync();
    }

    private async Task LeaveUnfinishedIndexAsync()
    {
        StopWatchdog();
        // What an outage left stays on the watchdog's list, which re-drives it once a backend is usable.
        if (!Article.HasOutageGaps)
            await Watchdog.UntrackAsync(Id);
    }

    /// <summary>
    /// Notes in the state, in memory, that one of the article's own calls waits for a backend: shown at
    /// once, saved with the next step (after a crash the stage starts again and finds out afresh).
    /// </summary>
    private Action<BackendWait?> StageWait(string stage) => wait => Article.NoteBackendWait(ArticleState.StageWaitKey(stage), wait);

    /// <summary>Done with for the watchdog: never submitted, or its finished state is stored and no outage gap waits for a re-drive.</summary>
    public Task<bool> IsSettledAsync() => Task.FromResult(!Article.Exists || (_storedFinished && !Article.HasOutageGaps));

    private void StopWatchdog()
    {
        _watchdog?.Dispose();
        _watchdog = null;
    }

    /// <param name="changed">
    /// The caller changed the state: written without a fingerprint to compare (a second serialization of the whole
    /// state). False where a step may have changed nothing; what was gathered counts as a change either way.
    /// </param>
    /// <returns>False when the state could not be stored (it is kept in memory and saved at the next step).</returns>
    private async Task<bool> SaveAsync(bool changed = true)
    {
        // Deleted: work that finishes afterwards must not write the article back.
        if (!Article.Exists)
            return true;
        changed |= StopGathering();
        // Read before the write: a status that changes while it waits to be written is not taken for stored.
        var finished = Article.Finished;
        AdvanceIndexVersion();
        var saved = await _checkpoint.SaveAsync(changed);
        if (!saved)
            return false;
        _storedFinished = finished;
        // Only a stored state is recorded: a version then names one state, and a record of a write that failed cannot
        // tie with the state the next activation stores under the same version.
        await ListInCatalogAsync();
        return true;
    }

    private async Task ClearStateAsync()
    {
        try
        {
            await _state.ClearStateAsync();
        }
        catch (InconsistentStateException)
        {
            await _state.ReadStateAsync();
            await _state.ClearStateAsync();
        }
        _state.State = new ArticleState();
    }

    /// <summary>
    /// Records the article's list line in the index when it changed, and its searchable text when its status or title
    /// did (progress alone leaves the text as it is). Awaited, with a bound: once a save returns, its line is stored too,
    /// so a crash can only lose a line the watchdog's re-drive records again. An index that fails or is slow never
    /// fails the article; the next change records the line, text and all.
    /// </summary>
    private async Task ListInCatalogAsync()
    {
        if (!Article.Exists)
            return;
        var item = ArticleViewBuilder.ListItem(Id, Article);
        if (item == _listed)
        {
            // Another write's record of this very line may still be on its way (a gathered write and a finishing one
            // interleave): this save too returns only once the line is stored.
            await _recording;
            return;
        }
        var text = _index.CanSearch && (_listed is null || _listed.Status != item.Status || _listed.Title != item.Title)
            ? ArticleSearchText.Of(ArticleViewBuilder.Build(Id, Article, []))
            : null;
        _listed = item;
        _recording = RecordInCatalogAsync(new ArticleIndexEntry(item, text, Article.IndexVersion));
        await _recording;
    }

    /// <summary>The record of the list line last set aside; never fails (a failed record is written again at the next change).</summary>
    private Task _recording = Task.CompletedTask;

    private async Task RecordInCatalogAsync(ArticleIndexEntry entry)
    {
        try
        {
            await _index.RecordAsync(entry).WaitAsync(IndexWriteTimeout);
        }
        catch (Exception error)
        {
            _listed = null;
            LogCatalogFailed(Id, error.Message);
        }
    }

    /// <summary>
    /// Before a write: when the list line differs from the one last recorded, the version of the article's next record
    /// goes up, stored in this same write (a change of its own would cost a write of its own). Versions only grow, across
    /// activations too, so the index keeps the newest of records that silos write out of order.
    /// </summary>
    private void AdvanceIndexVersion()
    {
        if (Article.Exists && Article.Plan is not null && ArticleViewBuilder.ListItem(Id, Article) != _listed)
            Article.IndexVersion++;
    }

    /// <summary>Storage trouble belongs in the article's warnings: retried writes, and progress that is only in memory.</summary>
    private IEnumerable<string> CheckpointWarnings() =>
        _checkpoint.RetriedFailures.Select(error => $"Saving progress failed and was retried: {error}")
            .Concat(_checkpoint.UnsavedBecause is { } unsaved ? [$"Progress is not saved yet ({unsaved}); it is kept in memory and saved at the next step."] : []);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Id} was stored before articles had a plan: its work and answers now are one")]
    private partial void LogUpgraded(string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id} was not accepted: it could not be stored ({Error})")]
    private partial void LogNotStored(string id, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id} could not be taken out of the watchdog's index: {Error}")]
    private partial void LogUntrackFailed(string id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id} could not be recorded in the article index: {Error}")]
    private partial void LogCatalogFailed(string id, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Id}: re-driving what a backend outage left untranslated (round {Round})")]
    private partial void LogRedriven(string id, int round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id} finished but its final state could not be saved ({Error}); it stays in the unfinished index and saving is retried")]
    private partial void LogFinalSaveFailed(string id, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Id} finished: {Status} {Failure}")]
    private partial void LogFinished(string id, ArticleStatus status, string? failure);
}
