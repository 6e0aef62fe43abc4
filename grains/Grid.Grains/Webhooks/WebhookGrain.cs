using System.Collections.Immutable;
using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Grid.Grains.Webhooks;

/// <summary>
/// The webhooks of one article. A delivery is saved before <see cref="EnqueueAsync"/> returns, so the
/// article hands it off in milliseconds and never waits on the receiver. Attempts run on a timer that
/// interleaves with calls: a slow receiver never holds up a hand-off or a read of the deliveries.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhooks", GridStorage.Articles)] IPersistentState<WebhookState> state,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain
{
    /// <summary>Writes one at a time: the timer's and a hand-off's writes interleave, and storage refuses overlapping ones.</summary>
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly HashSet<string> _sending = [];
    private IGrainTimer? _timer;

    private string ArticleId => this.GetPrimaryKeyString();

    private List<WebhookDelivery> Deliveries => state.State.Deliveries;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleNextAttempt();
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(WebhookRequest request)
    {
        if (Deliveries.Any(delivery => delivery.Request.DeliveryId == request.DeliveryId))
            return;
        // Indexed before it is stored: a stored delivery is always found by the sweep after a crash.
        await Outbox.TrackAsync(ArticleId);
        var now = DateTimeOffset.UtcNow;
        Deliveries.Add(new WebhookDelivery { Request = request, CreatedAt = now, NextAttemptAt = now });
        await SaveAsync();
        ScheduleNextAttempt();
    }

    public Task<ImmutableArray<WebhookDeliveryView>> GetDeliveriesAsync() =>
        Task.FromResult(Deliveries.Select(delivery => delivery.View()).ToImmutableArray());

    public Task<bool> WakeAsync()
    {
        ScheduleNextAttempt();
        return Task.FromResult(state.State.HasPending);
    }

    private void ScheduleNextAttempt()
    {
        var due = Deliveries.Where(delivery => delivery.Pending && !_sending.Contains(delivery.Request.DeliveryId)).Select(delivery => delivery.NextAttemptAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (due == DateTimeOffset.MaxValue)
            return;
        var wait = due - DateTimeOffset.UtcNow;
        _timer ??= this.RegisterGrainTimer(AttemptDueAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    private async Task AttemptDueAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var due = Deliveries.Where(delivery => delivery.Pending && delivery.NextAttemptAt <= now && _sending.Add(delivery.Request.DeliveryId)).ToList();
        try
        {
            var attempts = await Task.WhenAll(due.Select(delivery => sender.SendAsync(delivery.Request, cancellationToken)));
            for (var i = 0; i < due.Count; i++)
            {
                due[i].Record(attempts[i], DateTimeOffset.UtcNow, options.Value);
                LogAttempt(ArticleId, due[i].Request.DeliveryId, due[i].Attempts, due[i].State, attempts[i].Status, attempts[i].Error);
            }
        }
        finally
        {
            foreach (var delivery in due)
                _sending.Remove(delivery.Request.DeliveryId);
        }
        if (due.Count > 0)
            await SaveAsync();
        if (state.State.HasPending)
            ScheduleNextAttempt();
        else
            await UntrackAsync();
    }

    private async Task UntrackAsync()
    {
        await Outbox.UntrackAsync(ArticleId);
        // A hand-off that came while the outbox was told: it is tracked again, so a crash cannot lose it.
        if (state.State.HasPending)
            await Outbox.TrackAsync(ArticleId);
    }

    private async Task SaveAsync()
    {
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Only this grain writes its deliveries; a stale ETag (after a silo died mid-write) is ours to overwrite.
            var mine = state.State;
            await state.ReadStateAsync();
            state.State = mine;
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The outbox shard this article is tracked in (<see cref="WebhookOutboxShards"/>).</summary>
    private IWebhookOutboxShardGrain Outbox => WebhookOutboxShards.Of(GrainFactory, ArticleId, options.Value.OutboxShards);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook of article {Id}, delivery {Delivery}: attempt {Attempt} {State} (status {Status}) {Error}")]
    private partial void LogAttempt(string id, string delivery, int attempt, DeliveryState state, int? status, string? error);
}
