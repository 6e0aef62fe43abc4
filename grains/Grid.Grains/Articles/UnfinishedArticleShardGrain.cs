using System.Collections.Immutable;
using System.Diagnostics;
using Grid.Abstractions.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <inheritdoc cref="IUnfinishedArticleShardGrain"/>
public sealed class UnfinishedArticleShardGrain : Grain, IUnfinishedArticleShardGrain
{
    /// <summary>Articles woken at once by a sweep; enough to be quick, few enough not to flood the cluster.</summary>
    private const int SweepBatch = 64;

    private readonly IPersistentState<UnfinishedArticleShardState> _state;
    private readonly StateCheckpoint<UnfinishedArticleShardState> _checkpoint;
    private readonly LlmEndpointPool _backends;
    private long? _sweptAt;

    public UnfinishedArticleShardGrain(
        [PersistentState("unfinished", GridStorage.Articles)] IPersistentState<UnfinishedArticleShardState> state,
        LlmEndpointPool backends,
        ILogger<UnfinishedArticleShardGrain> logger)
    {
        (_state, _backends) = (state, backends);
        _checkpoint = new StateCheckpoint<UnfinishedArticleShardState>(state, UnfinishedArticleShardState.Merge, logger);
    }

    private HashSet<string> Unfinished => _state.State.Unfinished;

    public Task TrackAsync(string articleId) => TrackAllAsync([articleId]);

    public async Task TrackAllAsync(ImmutableArray<string> articleIds)
    {
        var added = false;
        foreach (var id in articleIds)
            added |= Unfinished.Add(id);
        if (added && !await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The index of unfinished articles could not be saved: {_checkpoint.UnsavedBecause}");
    }

    public async Task UntrackAsync(string articleId)
    {
        if (Unfinished.Remove(articleId))
            await _checkpoint.SaveAsync();
    }

    public async Task<int> SweepAsync(TimeSpan unlessSweptWithin)
    {
        if (_sweptAt is { } sweptAt && Stopwatch.GetElapsedTime(sweptAt) < unlessSweptWithin)
            return Unfinished.Count;
        var finished = new List<string>();
        foreach (var batch in Unfinished.ToList().Chunk(SweepBatch))
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
            Unfinished.ExceptWith(finished);
            await _checkpoint.SaveAsync();
        }
        _sweptAt = Stopwatch.GetTimestamp();
        return Unfinished.Count;
    }

    public async Task<int> HandOverAsync(int shards)
    {
        // Its own count: the articles are home already (and tracking them here would wait on this very call).
        if (Unfinished.Count == 0 || this.GetPrimaryKeyString().StartsWith($"{shards}/", StringComparison.Ordinal))
            return 0;
        // Tracked there before forgotten here: a crash in between leaves an article in both, never in neither.
        var moving = Unfinished.ToList();
        await UnfinishedArticleHandOver.ToShardsAsync(GrainFactory, moving, shards);
        Unfinished.ExceptWith(moving);
        await _checkpoint.SaveAsync();
        return moving.Count;
    }

    public Task<ImmutableArray<string>> GetUnfinishedAsync() => Task.FromResult(Unfinished.ToImmutableArray());
}
