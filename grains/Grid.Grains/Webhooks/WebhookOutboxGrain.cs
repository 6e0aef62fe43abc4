using System.Collections.Immutable;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Webhooks;

/// <inheritdoc cref="IWebhookOutboxGrain"/>
/// <remarks>The grain type and state name are the ones the single outbox had, so its stored set is found.</remarks>
public sealed partial class WebhookOutboxGrain : Grain, IWebhookOutboxGrain
{

    private readonly IPersistentState<WebhookOutboxState> _state;
    private readonly StateCheckpoint<WebhookOutboxState> _checkpoint;
    private readonly ILogger<WebhookOutboxGrain> _logger;

    public WebhookOutboxGrain(
        [PersistentState("webhook-outbox", GridStorage.Articles)] IPersistentState<WebhookOutboxState> state,
        ILogger<WebhookOutboxGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<WebhookOutboxState>(state, WebhookOutboxState.Merge, logger);
    }

    public async Task<ImmutableArray<int>> OpenAsync(int shards)
    {
        var changed = _state.State.ShardCounts.Add(shards);
        if (_state.State.Pending.Count > 0)
        {
            // Tracked in the shards before forgotten here: a crash in between hands them over again, which is harmless.
            var handed = _state.State.Pending.ToList();
            await WebhookOutboxShards.HandOverAsync(GrainFactory, handed, shards);
            _state.State.Pending.ExceptWith(handed);
            LogHandedOver(handed.Count, shards);
            changed = true;
        }
        if (changed && !await _checkpoint.SaveAsync())
            throw new InvalidOperationException($"The directory of the webhook outbox's shards could not be saved: {_checkpoint.UnsavedBecause}");
        return [.. _state.State.ShardCounts.Where(count => count != shards).Order()];
    }

    public Task<ImmutableArray<string>> GetPendingAsync() => Task.FromResult(_state.State.Pending.ToImmutableArray());

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} articles with webhook deliveries pending, kept by the outbox before shards, were handed over to {Shards} shards")]
    private partial void LogHandedOver(int count, int shards);
}
