using System.Collections.Immutable;
using Orleans.Concurrency;
using Grid.Abstractions;

namespace Grid.Grains.Webhooks;

/// <summary>
/// The directory of the webhook outbox's shards (<see cref="IWebhookOutboxShardGrain"/>): which shard counts silos
/// have used, so that none is left unswept after <c>Grid:Webhooks:OutboxShards</c> changes. Before there were shards
/// this grain held every article with deliveries pending itself; that set is handed over to the shards the first time
/// a silo opens the directory. Called once as each silo starts, never per article.
/// </summary>
[Alias("grid.IWebhookOutboxGrain")]
public interface IWebhookOutboxGrain : ISingletonGrain
{
    /// <summary>
    /// Records that a silo tracks pending deliveries in <paramref name="shards"/> shards, hands over the set kept
    /// before shards (once), and returns every other shard count used before: their shards are to be handed over.
    /// </summary>
    [Alias("open")]
    Task<ImmutableArray<int>> OpenAsync(int shards);

    /// <summary>The articles kept here before shards and not handed over yet.</summary>
    [Alias("pending"), ReadOnly]
    Task<ImmutableArray<string>> GetPendingAsync();
}
