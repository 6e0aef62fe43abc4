using Grid.Abstractions.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>
/// Who gets the next free slot of a busy endpoint: the highest priority first, and within a priority the owners
/// (API keys, feeds) in turn, so an import of thousands cannot starve someone else's one article.
/// </summary>
public sealed class SlotLanesTests
{
    private const int Slots = 1;

    private readonly ManualClock _clock = new();
    private readonly SlotLedger _ledger;
    private readonly Guid _holder = Guid.NewGuid();

    public SlotLanesTests()
    {
        _ledger = new SlotLedger(new LlmOptions { SlotLeaseTime = TimeSpan.FromSeconds(10), CircuitFailures = 3 }, _clock);
        Assert.Equal(SlotStatus.Granted, _ledger.Request(_holder, Slots).Status);
    }

    [Fact]
    public void AHighPriorityRequestArrivingLastIsServedBeforeEveryNormalAndLowOneWaiting()
    {
        var low = Queue(3, ArticlePriority.Low, "import");
        var normal = Queue(3, ArticlePriority.Normal, "newsroom");
        var high = Queue(1, ArticlePriority.High, "editor");

        var served = ServeAll();

        Assert.Equal([.. high, .. normal, .. low], served);
    }

    [Fact]
    public void WithinAPriorityOwnersTakeTurnsAndEachOwnersRequestsKeepTheirOrder()
    {
        var import = Queue(4, ArticlePriority.Normal, "import");
        var editor = Queue(2, ArticlePriority.Normal, "editor");

        var served = ServeAll();

        Assert.Equal([import[0], editor[0], import[1], editor[1], import[2], import[3]], served);
    }

    [Fact]
    public void AnOwnerWhoLeftTheLineAndCameBackWaitsBehindTheOwnersAlreadyInTurn()
    {
        var first = Queue(1, ArticlePriority.Normal, "a");
        var gone = Queue(1, ArticlePriority.Normal, "b");
        _ledger.Release(gone[0], CallOutcome.Unused);
        _queued.Remove(gone[0]);
        var third = Queue(1, ArticlePriority.Normal, "c");
        var back = Queue(1, ArticlePriority.Normal, "b");

        var served = ServeAll();

        Assert.Equal([first[0], third[0], back[0]], served);
        Assert.Equal(0, _ledger.Usage.Waiting);
    }

    [Fact]
    public void WhenTheCircuitOpensEveryLaneIsRefused()
    {
        var low = Queue(2, ArticlePriority.Low, "import");
        var high = Queue(1, ArticlePriority.High, "editor");

        _ledger.Release(_holder, CallOutcome.Failed);
        Assert.Equal(high[0], Granted());
        _ledger.Release(high[0], CallOutcome.Failed);
        Assert.Equal(low[0], Granted());
        _ledger.Release(low[0], CallOutcome.Failed);

        Assert.Equal(CircuitState.Open, _ledger.Usage.Circuit);
        Assert.Equal(0, _ledger.Usage.Waiting);
        Assert.Equal(SlotStatus.OutOfRotation, _ledger.BeginWait(low[1]).Answer.Status);
    }

    [Fact]
    public void ARequestRaisedWhileInLineIsServedInItsNewLaneTakingItsNewOwnersTurn()
    {
        var low = Queue(3, ArticlePriority.Low, "import");
        var editor = Queue(2, ArticlePriority.High, "editor");

        // The last low request is now wanted by a high-priority article of another owner.
        Assert.Equal(SlotStatus.Queued, _ledger.Raise(low[2], new SlotLane(ArticlePriority.High, "breaking")).Status);
        var served = ServeAll();

        Assert.Equal([editor[0], low[2], editor[1], low[0], low[1]], served);
    }

    [Fact]
    public void ARaiseNeverLowersAndNeverPutsARequestInLine()
    {
        var high = Queue(1, ArticlePriority.High, "editor");
        var normal = Queue(1, ArticlePriority.Normal, "newsroom");

        _ledger.Raise(high[0], new SlotLane(ArticlePriority.Low, "import"));
        Assert.Equal(SlotStatus.Granted, _ledger.Raise(_holder, new SlotLane(ArticlePriority.High, "editor")).Status);
        Assert.Equal(SlotStatus.Unknown, _ledger.Raise(Guid.NewGuid(), new SlotLane(ArticlePriority.High, "editor")).Status);

        Assert.Equal(2, _ledger.Usage.Waiting);
        Assert.Equal([high[0], normal[0]], ServeAll());
    }

    private List<Guid> Queue(int count, ArticlePriority priority, string owner)
    {
        var tickets = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        foreach (var ticket in tickets)
            Assert.Equal(SlotStatus.Queued, _ledger.Request(ticket, Slots, new SlotLane(priority, owner)).Status);
        _queued.AddRange(tickets);
        return tickets;
    }

    /// <summary>Which queued ticket holds the one slot now (asking again about a ticket changes nothing).</summary>
    private Guid Granted()
    {
        var granted = Assert.Single(_queued, ticket => _ledger.Request(ticket, Slots).Status == SlotStatus.Granted);
        _queued.Remove(granted);
        return granted;
    }

    /// <summary>Frees the slot again and again, in the order the line hands it out.</summary>
    private List<Guid> ServeAll()
    {
        var served = new List<Guid>();
        var holder = _holder;
        while (_queued.Count > 0)
        {
            _ledger.Release(holder, CallOutcome.Answered);
            holder = Granted();
            served.Add(holder);
        }
        return served;
    }

    private readonly List<Guid> _queued = [];
}
