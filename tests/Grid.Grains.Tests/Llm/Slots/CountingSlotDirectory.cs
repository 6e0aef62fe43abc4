using System.Collections.Concurrent;
using Grid.Grains.Llm.Slots;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>The in-process slot keepers, with every call a broker makes to them counted by endpoint and method.</summary>
internal sealed class CountingSlotDirectory(InProcessSlotDirectory inner) : ILlmSlotDirectory
{
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>The calls made, as "endpoint method", in the order they were made.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public ILlmSlotGrain Keeper(string endpointUrl) => inner.For(endpointUrl);

    public ILlmSlotGrain For(string endpointUrl) => new Counting(inner.For(endpointUrl), method => _calls.Enqueue($"{endpointUrl} {method}"));

    private sealed class Counting(ILlmSlotGrain keeper, Action<string> count) : ILlmSlotGrain
    {
        public Task<SlotAnswer> RequestAsync(Guid ticket, int slots, SlotLane lane) { count("request"); return keeper.RequestAsync(ticket, slots, lane); }

        public Task<SlotAnswer> RequestAndWaitAsync(Guid ticket, int slots, SlotLane lane, TimeSpan maxWait) { count("request-wait"); return keeper.RequestAndWaitAsync(ticket, slots, lane, maxWait); }

        public Task<SlotAnswer> RaiseAsync(Guid ticket, SlotLane lane) { count("raise"); return keeper.RaiseAsync(ticket, lane); }

        public Task<SlotAnswer> WaitAsync(Guid ticket, TimeSpan maxWait) { count("wait"); return keeper.WaitAsync(ticket, maxWait); }

        public Task<bool> RenewAsync(Guid ticket, int slots) { count("renew"); return keeper.RenewAsync(ticket, slots); }

        public Task<Guid[]> RenewAllAsync(Guid[] tickets, int slots) { count($"renew-all {tickets.Length}"); return keeper.RenewAllAsync(tickets, slots); }

        public Task ReleaseAsync(Guid ticket, CallOutcome outcome) { count("release"); return keeper.ReleaseAsync(ticket, outcome); }

        public Task<SlotUsage> GetUsageAsync() { count("usage"); return keeper.GetUsageAsync(); }
    }
}
