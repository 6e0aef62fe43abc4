using Microsoft.Extensions.AI;

namespace Grid.Grains.Llm;

/// <summary>One backend: its chat client and the slots it has free.</summary>
/// <remarks>Slots are counted per silo here; the cluster-wide count belongs to the backend pool.</remarks>
public sealed class LlmEndpoint(string url, int slots, IChatClient client) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);
    private int _waiting;

    public string Url { get; } = url;

    public int Slots { get; } = slots;

    public IChatClient Client { get; } = client;

    /// <summary>Requests holding a slot or waiting for one: the measure of how busy this backend is.</summary>
    public int Load => Slots - _slots.CurrentCount + Volatile.Read(ref _waiting);

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> AcquireSlotAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return new SlotLease(_slots);
    }

    public void Dispose()
    {
        Client.Dispose();
        _slots.Dispose();
    }

    private sealed class SlotLease(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
