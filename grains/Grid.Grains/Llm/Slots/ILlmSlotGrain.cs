using Orleans.Concurrency;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// The slots of one LLM endpoint for the whole cluster, keyed by the endpoint's URL. A caller asks
/// for a slot with a ticket of its own; it is granted one at once or put in line (by priority, owners
/// taking turns, each owner's requests first come, first served), and learns
/// of the grant by waiting with short calls (each well inside the grain call timeout). A granted
/// slot is a lease: the holder renews it while its request runs and releases it after; a lease not
/// renewed expires, so a silo that dies does not keep its slots. Its circuit breaker takes the
/// endpoint out of rotation after failures in a row.
/// </summary>
[Alias("grid.ILlmSlotGrain")]
public interface ILlmSlotGrain : IGrainWithStringKey
{
    /// <summary>Grants a slot to <paramref name="ticket"/> or puts it in line in its <paramref name="lane"/>; <paramref name="slots"/> is the endpoint's configured capacity.</summary>
    [Alias("request")]
    Task<SlotAnswer> RequestAsync(Guid ticket, int slots, SlotLane lane);

    /// <summary>
    /// <see cref="RequestAsync"/>, then, when the ticket was put in line, <see cref="WaitAsync"/>: one call where a
    /// request that will wait anyway would make two.
    /// </summary>
    [Alias("request-wait")]
    Task<SlotAnswer> RequestAndWaitAsync(Guid ticket, int slots, SlotLane lane, TimeSpan maxWait);

    /// <summary>Moves the ticket, while it waits in line, into <paramref name="lane"/> if that is of a higher priority (see <see cref="RisingLane"/>); never puts a ticket in line.</summary>
    [Alias("raise")]
    Task<SlotAnswer> RaiseAsync(Guid ticket, SlotLane lane);

    /// <summary>Returns when the ticket is granted or refused, or after <paramref name="maxWait"/> with it still queued.</summary>
    [Alias("wait"), AlwaysInterleave]
    Task<SlotAnswer> WaitAsync(Guid ticket, TimeSpan maxWait);

    /// <summary>Extends a lease; false when it is lost (expired and given away) and the request must stop.</summary>
    [Alias("renew")]
    Task<bool> RenewAsync(Guid ticket, int slots);

    /// <summary>
    /// Extends the leases of all the <paramref name="tickets"/> a silo holds here, in one call; answers those lost
    /// (expired and given away), whose requests must stop.
    /// </summary>
    [Alias("renew-all")]
    Task<Guid[]> RenewAllAsync(Guid[] tickets, int slots);

    /// <summary>Gives a slot back (or leaves the line) and tells the circuit breaker how the call went.</summary>
    [Alias("release")]
    Task ReleaseAsync(Guid ticket, CallOutcome outcome);

    [Alias("usage"), ReadOnly, AlwaysInterleave]
    Task<SlotUsage> GetUsageAsync();
}
