using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// One chunk's translation, keyed by <see cref="ChunkKey"/>: the cluster-wide cache. The first
/// request starts one LLM job in the background and returns at once; requests that arrive while
/// it runs join it; the articles that asked are called back when it ends.
/// </summary>
public sealed partial class ChunkTranslationGrain : Grain, IChunkTranslationGrain
{
    private readonly ChunkTranslator _translator;
    private readonly IPersistentState<ChunkTranslationState> _state;
    private readonly StateCheckpoint<ChunkTranslationState> _checkpoint;
    private readonly ILogger<ChunkTranslationGrain> _logger;
    private readonly HashSet<string> _waitingArticles = [];
    private Task? _work;

    public ChunkTranslationGrain(
        ChunkTranslator translator,
        [PersistentState("chunk", GridStorage.Translations)] IPersistentState<ChunkTranslationState> state,
        ILogger<ChunkTranslationGrain> logger)
    {
        (_translator, _state, _logger) = (translator, state, logger);
        _checkpoint = new StateCheckpoint<ChunkTranslationState>(state, ChunkTranslationState.Merge, logger);
    }

    public Task<ChunkTranslationResult?> StartAsync(ChunkTranslationRequest request)
    {
        if (_state.State.Result is { } finished)
        {
            GridTelemetry.ChunkTranslations.Add(1, new KeyValuePair<string, object?>("grid.cache", "hit"));
            return Task.FromResult<ChunkTranslationResult?>(finished);
        }

        _waitingArticles.Add(request.RequestedBy);
        GridTelemetry.ChunkTranslations.Add(1, new KeyValuePair<string, object?>("grid.cache", _work is null ? "miss" : "joined"));
        _work ??= TranslateInBackgroundAsync(request);
        return Task.FromResult<ChunkTranslationResult?>(null);
    }

    public Task<ChunkTranslationResult?> GetResultAsync() => Task.FromResult(_state.State.Result);

    private async Task TranslateInBackgroundAsync(ChunkTranslationRequest request)
    {
        // LLM work can wait in a queue for longer than the idle collection age; stay active until it ends.
        DelayDeactivation(TimeSpan.FromHours(1));
        ChunkTranslationResult result;
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            result = await _translator.TranslateAsync(request);
            if (result.Succeeded)
            {
                _state.State.Result = result;
                // Unsaved, the translation is still delivered; it is only not cached for next time.
                if (!await _checkpoint.SaveAsync())
                    LogNotCached(this.GetPrimaryKeyString(), _checkpoint.UnsavedBecause);
                result = _state.State.Result ?? result;
            }
            else
            {
                LogFailed(this.GetPrimaryKeyString(), result.FailureDetail);
            }
        }
        catch (Exception error)
        {
            // Whatever broke, the waiting articles must hear of it; a later request starts afresh.
            result = new ChunkTranslationResult([], LlmUsage.None, request.RequestedBy, TranslationFailureKind.BackendUnavailable, error.Message, [], startedAt);
            LogFailed(this.GetPrimaryKeyString(), error.Message);
        }

        _work = null;
        var waiting = _waitingArticles.ToList();
        _waitingArticles.Clear();
        foreach (var article in waiting)
            await GrainFactory.GetGrain<IArticleGrain>(article).OnChunkTranslatedAsync(this.GetPrimaryKeyString(), result);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {Key} failed and is not cached: {Reason}")]
    private partial void LogFailed(string key, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chunk {Key} was translated but could not be saved to the cache: {Reason}")]
    private partial void LogNotCached(string key, string? reason);
}
