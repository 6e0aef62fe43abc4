using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Webhooks;

/// <inheritdoc cref="IWebhookOutboxGrain"/>
public sealed class WebhookOutboxGrain : Grain, IWebhookOutboxGrain
{
    /// <summary>Webhook grains woken at once by a sweep.</summary>
    private const int SweepBatch = 64;

    private readonly IPersistentState<WebhookOutboxState> _state;
    private readonly StateCheckpoint<WebhookOutboxState> _checkpoint;

    public WebhookOutboxGrain(
        [PersistentState("webhook-outbox", GridStorage.Articles)] IPersistentState<WebhookOutboxState> state,
        ILogger<WebhookOutboxGrain> logger)
    {
        _state = state;
        _checkpoint = new StateCheckpoint<WebhookOutboxState>(state, WebhookOutboxState.Merge, logger);
    }

    public async Task TrackAsync(string articleId)
    {
        if (_state.State.Pending.Add(articleId) && !await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The index of pending webhooks could not be saved: {_checkpoint.UnsavedBecause}");
    }

    public async Task UntrackAsync(string articleId)
    {
        if (_state.State.Pending.Remove(articleId))
            await _checkpoint.SaveAsync();
    }

    public async Task<int> SweepAsync()
    {
        var done = new List<string>();
        foreach (var batch in _state.State.Pending.ToList().Chunk(SweepBatch))
        {
            var pending = await Task.WhenAll(batch.Select(id => GrainFactory.GetGrain<IWebhookGrain>(id).WakeAsync()));
            done.AddRange(batch.Where((_, i) => !pending[i]));
        }
        if (done.Count > 0)
        {
            _state.State.Pending.ExceptWith(done);
            await _checkpoint.SaveAsync();
        }
        return _state.State.Pending.Count;
    }
}
