using Grid.Abstractions.Articles;
using Grid.Grains.Llm.Slots;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>
/// How many of a silo's requests ask the slot grains at once: never more than the bound, however many wait; those
/// waiting in the silo go on in the slot grains' own order (priority, owners in turn), and one that gives up leaves.
/// </summary>
public sealed class SlotRequestGateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NoMoreThanTheBoundAreAdmittedAndEachOneLeavingLetsTheNextIn()
    {
        var gate = new SlotRequestGate(2);
        var first = await gate.EnterAsync(Lane(ArticlePriority.Normal, "a"), CancellationToken.None);
        var second = await gate.EnterAsync(Lane(ArticlePriority.Normal, "a"), CancellationToken.None);
        var third = gate.EnterAsync(Lane(ArticlePriority.Normal, "a"), CancellationToken.None);

        Assert.False(third.IsCompleted);
        Assert.Equal(1, gate.Waiting);

        first.Dispose();
        first.Dispose();  // a second dispose lets nobody else in
        (await third.WaitAsync(Timeout)).Dispose();
        second.Dispose();
        Assert.Equal(0, gate.Waiting);
        // Both places are free again: two enter at once.
        (await gate.EnterAsync(Lane(ArticlePriority.Low, "b"), CancellationToken.None).WaitAsync(Timeout)).Dispose();
    }

    [Fact]
    public async Task WaitingRequestsGoInByPriorityThenOwnersInTurn()
    {
        var gate = new SlotRequestGate(1);
        var holder = await gate.EnterAsync(Lane(ArticlePriority.Normal, "x"), CancellationToken.None);
        var order = new List<string>();
        var waiting = new[]
        {
            ("import-1", Lane(ArticlePriority.Low, "import")),
            ("import-2", Lane(ArticlePriority.Low, "import")),
            ("other-1", Lane(ArticlePriority.Low, "other")),
            ("editor", Lane(ArticlePriority.High, "editor")),
        }.Select(pair => EnterAndRecordAsync(gate, pair.Item2, pair.Item1, order)).ToList();

        holder.Dispose();
        await Task.WhenAll(waiting).WaitAsync(Timeout);

        Assert.Equal(["editor", "import-1", "other-1", "import-2"], order);
    }

    [Fact]
    public async Task ARequestThatGivesUpWhileWaitingLeavesTheLineAndTakesNoPlace()
    {
        var gate = new SlotRequestGate(1);
        var holder = await gate.EnterAsync(Lane(ArticlePriority.Normal, "a"), CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var leaving = gate.EnterAsync(Lane(ArticlePriority.High, "b"), giveUp.Token);
        var staying = gate.EnterAsync(Lane(ArticlePriority.Low, "c"), CancellationToken.None);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving.WaitAsync(Timeout));
        Assert.Equal(1, gate.Waiting);
        holder.Dispose();

        (await staying.WaitAsync(Timeout)).Dispose();
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task ARequestWaitingInTheSiloMovesUpAtOnceWhenItsLaneRises()
    {
        var gate = new SlotRequestGate(1);
        var holder = await gate.EnterAsync(Lane(ArticlePriority.Normal, "x"), CancellationToken.None);
        var order = new List<string>();
        var shared = new RisingLane(Lane(ArticlePriority.Low, "import"));
        var waiting = new List<Task>
        {
            EnterAndRecordAsync(gate, new RisingLane(Lane(ArticlePriority.Low, "import")), "import-1", order),
            EnterAndRecordAsync(gate, Lane(ArticlePriority.High, "editor"), "editor-1", order),
            EnterAndRecordAsync(gate, shared, "shared", order),
            EnterAndRecordAsync(gate, Lane(ArticlePriority.High, "editor"), "editor-2", order),
        };

        Assert.True(shared.RaiseTo(Lane(ArticlePriority.High, "breaking")));
        Assert.False(shared.RaiseTo(Lane(ArticlePriority.Normal, "newsroom")));
        holder.Dispose();
        await Task.WhenAll(waiting).WaitAsync(Timeout);

        Assert.Equal(["editor-1", "shared", "editor-2", "import-1"], order);
    }

    private static Task EnterAndRecordAsync(SlotRequestGate gate, SlotLane lane, string name, List<string> order) =>
        EnterAndRecordAsync(gate, new RisingLane(lane), name, order);

    private static async Task EnterAndRecordAsync(SlotRequestGate gate, RisingLane lane, string name, List<string> order)
    {
        var admission = await gate.EnterAsync(lane, CancellationToken.None);
        lock (order)
            order.Add(name);
        admission.Dispose();
    }

    private static SlotLane Lane(ArticlePriority priority, string owner) => new(priority, owner);
}
