using System.Diagnostics;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>
/// The leases a silo holds on an endpoint are renewed in one keeper call per round (a third of a lease), however many
/// there are; they outlive their lease while renewed, and come back within a lease once the silo stops renewing.
/// Real time with the shortest lease allowed (1 s): the keepers and the renewals run on the system clock.
/// </summary>
public sealed class SlotLeaseRenewalTests : IDisposable
{
    private const string Endpoint = "http://127.0.0.1:1/leases";
    private const int Held = 3;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(1);

    private readonly LlmOptions _options = new() { Endpoints = [new() { Url = Endpoint, Slots = Held }], SlotLeaseTime = LeaseTime };
    private readonly InProcessSlotDirectory _keepers;
    private readonly CountingSlotDirectory _directory;
    private readonly LlmEndpointPool _pool;
    private readonly LlmSlotBroker _broker;

    public SlotLeaseRenewalTests()
    {
        _keepers = new InProcessSlotDirectory(_options, TimeProvider.System);
        _directory = new CountingSlotDirectory(_keepers);
        _pool = new LlmEndpointPool(Options.Create(_options));
        _broker = new LlmSlotBroker(_pool, _directory, Options.Create(_options), NullLogger<LlmSlotBroker>.Instance);
    }

    [Fact]
    public async Task SeveralLeasesAreRenewedInOneCallPerRoundAndOutliveTheirLease()
    {
        var slots = new List<LlmSlot>();
        for (var i = 0; i < Held; i++)
            slots.Add(await _broker.AcquireAsync(SlotLane.Shared, CancellationToken.None));

        // Three rounds span a whole lease: unrenewed, the leases would have expired by the third.
        await UntilAsync(() => Renewals().Count >= 3);

        Assert.All(Renewals(), call => Assert.Equal($"{Endpoint} renew-all {Held}", call));
        Assert.DoesNotContain(_directory.Calls, call => call.EndsWith(" renew", StringComparison.Ordinal));
        Assert.Equal(Held, (await _directory.Keeper(Endpoint).GetUsageAsync()).Busy);
        Assert.All(slots, slot => Assert.False(slot.Lost.IsCancellationRequested));

        foreach (var slot in slots)
            await slot.ReleaseAsync(CallOutcome.Answered);
        Assert.Equal(0, (await _directory.Keeper(Endpoint).GetUsageAsync()).Busy);
    }

    [Fact]
    public async Task TheLeasesOfASiloThatStopsRenewingComeBackWithinALease()
    {
        for (var i = 0; i < Held; i++)
            await _broker.AcquireAsync(SlotLane.Shared, CancellationToken.None);
        await UntilAsync(() => Renewals().Count >= 1);

        // The silo dies: no release, no more renewals.
        _broker.Dispose();
        var stopped = Stopwatch.StartNew();
        var renewed = Renewals().Count;
        await UntilAsync(async () => (await _directory.Keeper(Endpoint).GetUsageAsync()).Busy == 0);

        // The last renewal gave at most a lease; the keeper expires leases on its one-second tick.
        Assert.InRange(stopped.Elapsed, TimeSpan.Zero, LeaseTime + TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(1));
        Assert.InRange(Renewals().Count, renewed, renewed + 1);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _pool.Dispose();
        _keepers.Dispose();
    }

    private List<string> Renewals() => [.. _directory.Calls.Where(call => call.Contains(" renew", StringComparison.Ordinal))];

    private static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    /// <summary>Polls a condition the renewals bring about (they have no signal of their own), for up to 10 s.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
            await tick.WaitForNextTickAsync(timeout.Token);
    }
}
