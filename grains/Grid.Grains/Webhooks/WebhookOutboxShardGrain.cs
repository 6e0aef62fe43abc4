using System.Collections.Immutable;
using System.Diagnostics;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Webhooks;

/// <inheritdoc cref="IWebhookOutboxShardGrain"/>
public sealed class WebhookOutboxShardGrain : Grain, IWebhookOutboxShardGrain
{
    /// <summary>Webhook grains woken at once by a sweep.</summary>
    private const int SweepBatch = 64;

    private readonly IPersistentState<WebhookOutboxShardState> _state;
    private readonly StateCheckpoint<WebhookOutboxShardState> _checkpoint;
    private long? _sweptAt;

    public WebhookOutboxShardGrain(
        [PersistentState("webhook-outbox-shard", GridStorage.Articles)] IPersistentState<WebhookOutboxShardState> state,
        ILogger<WebhookOutboxShardGrain> logger)
    {
        _state = state;
        _checkpoint = new StateCheckpoint<WebhookOutboxShardState>(state, WebhookOutboxShardState.Merge, logger);
    }

    private HashSet<string> Pending => _state.State.Pending;

    public Task TrackAsync(string articleId) => TrackAllAsync([articleId]);

    public async Task TrackAllAsync(ImmutableArray<string> articleIds)
    {
        var added = false;
        foreach (var id in articleIds)
            added |= Pending.Add(id);
        if (added && !await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The index of pending webhooks could not be saved: {_checkpoint.UnsavedBecause}");
    }

    public async Task UntrackAsync(string articleId)
    {
        if (Pending.Remove(articleId))
            await _checkpoint.SaveAsync();
    }

    public async Task<int> SweepAsync(TimeSpan unlessSweptWithin)
    {
        if (_sweptAt is { } sweptAt && Stopwatch.GetElapsedTime(sweptAt) < unlessSweptWithin)
            return Pending.Count;
        var done = new List<string>();
        foreach (var batch in Pending.ToList().Chunk(SweepBatch))
        {
            var pending = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IWebhookGrain>(id).WakeAsync()));
            done.AddRange(batch.Where((_, i) => !pending[i]));
        }
        if (done.Count > 0)
        {
            Pending.ExceptWith(done);
            await _checkpoint.SaveAsync();
        }
        _sweptAt = Stopwatch.GetTimestamp();
        return Pending.Count;
    }

    public async Task<int> HandOverAsync(int shards)
    {
        // Its own count: the articles are home already (and tracking them here would wait on this very call).
        if (Pending.Count == 0 || this.GetPrimaryKeyString().StartsWith($"{shards}/", StringComparison.Ordinal))
            return 0;
        // Tracked there before forgotten here: a crash in between leaves an article in both, never in neither.
        var moving = Pending.ToList();
        await WebhookOutboxShards.HandOverAsync(GrainFactory, moving, shards);
        Pending.ExceptWith(moving);
        if (!await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The index of pending webhooks could not be saved: {_checkpoint.UnsavedBecause}");
        return moving.Count;
    }

    public Task<ImmutableArray<string>> GetPendingAsync() => Task.FromResult(Pending.ToImmutableArray());
}
