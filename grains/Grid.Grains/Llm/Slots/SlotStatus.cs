namespace Grid.Grains.Llm.Slots;

/// <summary>Where a request for a slot stands.</summary>
[GenerateSerializer, Alias("grid.slot-status")]
public enum SlotStatus
{
    /// <summary>The slot is held: send the request, renew the lease while it runs, release it after.</summary>
    Granted = 0,

    /// <summary>In line behind earlier requests; ask again with <see cref="ILlmSlotGrain.WaitAsync"/>.</summary>
    Queued = 1,

    /// <summary>The endpoint is out of rotation (its circuit is open): go elsewhere or wait until <see cref="SlotUsage.RetryAt"/>.</summary>
    OutOfRotation = 2,

    /// <summary>The slot grain does not know the ticket (it was activated afresh, or dropped a silent waiter): request again.</summary>
    Unknown = 3,
}
