using Grid.Grains.Llm.Slots;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Pool;

/// <summary>The slot grain of one endpoint in a real silo: waits never hold up other calls, and a lease nobody renews runs out.</summary>
public sealed class SlotGrainTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ARenewalAndAReleaseAreAnsweredWhileAWaitIsStillPending()
    {
        await using var grid = await EmulatedGrid.StartAsync(silos: 1, emulatorOptions: new EmulatorOptions());
        var slots = grid.Client.GetGrain<ILlmSlotGrain>("http://127.0.0.1:1/renew-while-waiting");
        var (holder, waiter) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(SlotStatus.Granted, (await slots.RequestAsync(holder, 1, SlotLane.Shared)).Status);
        Assert.Equal(SlotStatus.Queued, (await slots.RequestAsync(waiter, 1, SlotLane.Shared)).Status);

        var wait = slots.WaitAsync(waiter, LongWait);
        Assert.True(await slots.RenewAsync(holder, 1));
        Assert.False(wait.IsCompleted);
        await slots.ReleaseAsync(holder, CallOutcome.Answered);

        Assert.Equal(SlotStatus.Granted, (await wait).Status);
    }

    [Fact]
    public async Task ALeaseThatIsNotRenewedRunsOutAndTheNextInLineGetsTheSlot()
    {
        await using var grid = await EmulatedGrid.StartAsync(silos: 1, emulatorOptions: new EmulatorOptions(), settings: new Dictionary<string, string?>
        {
            ["Grid:Llm:SlotLeaseTime"] = "00:00:01",
        });
        var slots = grid.Client.GetGrain<ILlmSlotGrain>("http://127.0.0.1:1/silent-holder");
        var (silent, waiter) = (Guid.NewGuid(), Guid.NewGuid());
        await slots.RequestAsync(silent, 1, SlotLane.Shared);
        await slots.RequestAsync(waiter, 1, SlotLane.Shared);

        var answer = await slots.WaitAsync(waiter, LongWait);

        Assert.Equal(SlotStatus.Granted, answer.Status);
        Assert.Equal(1, answer.Usage.Busy);
        Assert.False(await slots.RenewAsync(silent, 1), "the expired lease is not taken back while the slot is held by another");
    }
}
