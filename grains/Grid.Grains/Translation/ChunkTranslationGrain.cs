using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;

namespace Grid.Grains.Translation;

/// <summary>
/// One chunk's translation, keyed by <see cref="ChunkKey"/>: the cluster-wide cache. The first
/// request starts one LLM job in the background and returns at once; requests that arrive while
/// it runs join it; the articles that asked are called back when it ends, and told while it waits
/// for a backend (the job goes on waiting: an outage costs no attempt). The job waits for its slots
/// in the lane of the highest priority among the articles that asked (<see cref="RisingLane"/>).
/// </summary>
public sealed partial class ChunkTranslationGrain : Grain, IChunkTranslationGrain
{
    private readonly ChunkTranslator _translator;
    private readonly IPersistentState<ChunkTranslationState> _state;
    private readonly StateCheckpoint<ChunkTranslationState> _checkpoint;
    private readonly ILogger<ChunkTranslationGrain> _logger;
    private readonly CancellationToken _siloStopping;
    private readonly IClusterMembershipService _membership;
    private readonly string _thisSilo;
    private readonly HashSet<string> _waitingArticles = [];
    private readonly HashSet<string> _sentElsewhere = [];
    private Task? _work;
    private RisingLane? _lane;
    /// <summary>No request has come to this activation yet: its state is the one just read at activation.</summary>
    private bool _firstRequest = true;
    private BackendWait? _backendWait;

    public ChunkTranslationGrain(
        ChunkTranslator translator,
        [PersistentState("chunk", GridStorage.Translations)] IPersistentState<ChunkTranslationState> state,
        IHostApplicationLifetime lifetime,
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        ILogger<ChunkTranslationGrain> logger)
    {
        (_translator, _state, _logger, _siloStopping, _membership) = (translator, state, logger, lifetime.ApplicationStopping, membership);
        _thisSilo = silo.SiloAddress.ToParsableString();
        _checkpoint = new StateCheckpoint<ChunkTranslationState>(state, ChunkTranslationState.Merge, logger);
    }

    public async Task<ChunkTranslationResult?> StartAsync(ChunkTranslationRequest request)
    {
        if (_state.State.Result is { } finished)
            return Counted(finished, "hit");
        // An article's watchdog asks again while the work runs: only its first ask is counted. A request that joins
        // raises the job to its lane when that is of a higher priority (also when it asks again, raised itself: a
        // paragraph it claimed is now wanted by a higher-priority article); the job runs in this activation, so its
        // requests waiting for a slot move up at once.
        if (_work is not null)
        {
            _lane?.RaiseTo(ChunkTranslator.LaneOf(request));
            if (!_waitingArticles.Add(request.RequestedBy))
                return null;
            if (_backendWait is not null)
                TellWaiting(request.RequestedBy, _backendWait);
            return Counted(null, "joined");
        }

        // Another activation of this grain may have done or be doing the work (two can exist for a
        // moment after a silo fails): look at what is stored before paying for it. The first request
        // of an activation comes just after its state was read; a write since then fails the claim's ETag.
        if (!_firstRequest)
            await _state.ReadStateAsync();
        _firstRequest = false;
        if (_state.State.Result is { } stored)
            return Counted(stored, "hit");
        if (ClaimedByAnotherLiveSilo())
            return SentElsewhere(request);  // the article asks again and will find the result
        if (!await TryClaimAsync())
            return _state.State.Result is { } won ? Counted(won, "hit") : SentElsewhere(request);

        _waitingArticles.Add(request.RequestedBy);
        _lane = new RisingLane(ChunkTranslator.LaneOf(request));
        _work = TranslateInBackgroundAsync(request, _lane);
        return Counted(null, "miss");
    }

    public Task<ChunkTranslationResult?> GetResultAsync() => Task.FromResult(_state.State.Result);

    private async Task TranslateInBackgroundAsync(ChunkTranslationRequest request, RisingLane lane)
    {
        // LLM work can wait in a queue for longer than the idle collection age; stay active until it ends.
        DelayDeactivation(TimeSpan.FromHours(1));
        ChunkTranslationResult result;
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            result = await _translator.TranslateAsync(request, _siloStopping, OnBackendWait, lane);
            if (result.Complete)
            {
                _state.State.Result = result;
                // Unsaved, the translation is still delivered; it is only not cached for next time.
                if (!await _checkpoint.SaveAsync())
                    LogNotCached(this.GetPrimaryKeyString(), _checkpoint.UnsavedBecause);
                result = _state.State.Result ?? result;
            }
            else
            {
                // A failure, or a chunk with a piece left untranslated, is delivered but never cached: asked again, it is tried again.
                LogFailed(this.GetPrimaryKeyString(), result.FailureDetail ?? $"{result.Untranslated.Length} piece(s) left untranslated");
                _state.State.ClaimedBySilo = null;  // a later request, on any silo, may try again
                await _checkpoint.SaveAsync();
            }
        }
        catch (OperationCanceledException) when (_siloStopping.IsCancellationRequested)
        {
            // This silo is shutting down: start nothing more and tell no one. The articles ask again,
            // and the chunk is translated on a silo that stays; a result made here now could not be saved.
            (_work, _lane) = (null, null);
            _waitingArticles.Clear();
            LogLeftToOtherSilos(this.GetPrimaryKeyString());
            return;
        }
        catch (Exception error)
        {
            // Whatever broke, the waiting articles must hear of it; a later request starts afresh.
            result = new ChunkTranslationResult([], LlmUsage.None, request.Payer, LlmFailureKind.BackendUnavailable, error.Message, [], startedAt);
            LogFailed(this.GetPrimaryKeyString(), error.Message);
        }

        (_work, _lane) = (null, null);
        _backendWait = null;
        var waiting = _waitingArticles.ToList();
        _waitingArticles.Clear();
        foreach (var article in waiting)
            await GrainFactory.GetGrain<IArticleGrain>(article).OnChunkTranslatedAsync(this.GetPrimaryKeyString(), result);
    }

    private void OnBackendWait(BackendWait? wait)
    {
        _backendWait = wait;
        foreach (var article in _waitingArticles)
            TellWaiting(article, wait);
    }

    /// <summary>One way, and never in the way of the work: an article that misses it still shows its progress.</summary>
    private void TellWaiting(string article, BackendWait? wait)
    {
        try
        {
            _ = GrainFactory.GetGrain<IArticleGrain>(article).OnChunkWaitingAsync(this.GetPrimaryKeyString(), wait);
        }
        catch (Exception error)
        {
            LogNotTold(this.GetPrimaryKeyString(), article, error.Message);
        }
    }

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromHours(1);

    private bool ClaimedByAnotherLiveSilo() =>
        _state.State.ClaimedBySilo is { } silo && silo != _thisSilo && _state.State.ClaimedUntil > DateTimeOffset.UtcNow
        && _membership.CurrentSnapshot.GetSiloStatus(SiloAddress.FromParsableString(silo)) == SiloStatus.Active;

    /// <summary>Writes this silo's claim with the ETag just read: of two activations, only one wins the write.</summary>
    private async Task<bool> TryClaimAsync()
    {
        (_state.State.ClaimedBySilo, _state.State.ClaimedUntil) = (_thisSilo, DateTimeOffset.UtcNow + ClaimLifetime);
        try
        {
            await _state.WriteStateAsync();
            return true;
        }
        catch (InconsistentStateException)
        {
            await _state.ReadStateAsync();
            return false;
        }
    }

    private ChunkTranslationResult? SentElsewhere(ChunkTranslationRequest request) =>
        _sentElsewhere.Add(request.RequestedBy) ? Counted(null, "elsewhere") : null;

    private static ChunkTranslationResult? Counted(ChunkTranslationResult? result, string cache)
    {
        GridTelemetry.ChunkTranslations.Add(1, new KeyValuePair<string, object?>("grid.cache", cache));
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {Key} could not tell article {Article} that it waits for a backend: {Reason}")]
    private partial void LogNotTold(string key, string article, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chunk {Key} is left to the other silos: this one is shutting down")]
    private partial void LogLeftToOtherSilos(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {Key} failed and is not cached: {Reason}")]
    private partial void LogFailed(string key, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chunk {Key} was translated but could not be saved to the cache: {Reason}")]
    private partial void LogNotCached(string key, string? reason);
}
