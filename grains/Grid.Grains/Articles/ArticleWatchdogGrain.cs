using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <inheritdoc cref="IArticleWatchdogGrain"/>
public sealed class ArticleWatchdogGrain : Grain, IArticleWatchdogGrain
{
    public const long Key = 0;

    /// <summary>Articles woken at once by a sweep; enough to be quick, few enough not to flood the cluster.</summary>
    private const int SweepBatch = 64;

    private readonly IPersistentState<ArticleWatchdogState> _state;
    private readonly StateCheckpoint<ArticleWatchdogState> _checkpoint;
    private readonly LlmEndpointPool _backends;

    public ArticleWatchdogGrain(
        [PersistentState("watchdog", GridStorage.Articles)] IPersistentState<ArticleWatchdogState> state,
        LlmEndpointPool backends,
        ILogger<ArticleWatchdogGrain> logger)
    {
        (_state, _backends) = (state, backends);
        _checkpoint = new StateCheckpoint<ArticleWatchdogState>(state, ArticleWatchdogState.Merge, logger);
    }

    public async Task TrackAsync(string articleId)
    {
        if (_state.State.Unfinished.Add(articleId) && !await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The index of unfinished articles could not be saved: {_checkpoint.UnsavedBecause}");
    }

    public async Task UntrackAsync(string articleId)
    {
        if (_state.State.Unfinished.Remove(articleId))
            await _checkpoint.SaveAsync();
    }

    public async Task<int> SweepAsync()
    {
        var finished = new List<string>();
        foreach (var batch in _state.State.Unfinished.ToList().Chunk(SweepBatch))
        {
            var settled = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IArticleSettlementGrain>(id).IsSettledAsync()));
            finished.AddRange(batch.Where((_, i) => settled[i]));
            // Re-driven once a backend is usable (as this silo last found it); should it be down again, the work waits for it.
            if (_backends.Endpoints.Any(endpoint => endpoint.Health.Usable))
            {
                var unsettled = batch.Where((_, i) => !settled[i]).ToList();
                var progress = await Task.WhenAll(unsettled.Select(id => GrainFactory.GetGrain<IArticleGrain>(id).GetProgressAsync()));
                await Task.WhenAll(unsettled.Where((_, i) => progress[i] is { IsFinished: true, AwaitsBackend: true }).Select(id => GrainFactory.GetGrain<IArticleGrain>(id).RedriveAsync()));
            }
        }
        if (finished.Count > 0)
        {
            _state.State.Unfinished.ExceptWith(finished);
            await _checkpoint.SaveAsync();
        }
        return _state.State.Unfinished.Count;
    }

    public Task<ImmutableArray<string>> GetUnfinishedAsync() => Task.FromResult(_state.State.Unfinished.ToImmutableArray());
}
