using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>The book of one endpoint's slots: leases, the line, expiry, recovery and the circuit breaker, on a clock the test moves.</summary>
public sealed class SlotLedgerTests
{
    private const int Slots = 2;
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BreakTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBreakTime = TimeSpan.FromSeconds(30);

    private readonly ManualClock _clock = new();
    private readonly SlotLedger _ledger;

    public SlotLedgerTests() => _ledger = new SlotLedger(
        new LlmOptions { SlotLeaseTime = LeaseTime, CircuitFailures = 3, CircuitBreakTime = BreakTime, CircuitMaxBreakTime = MaxBreakTime },
        _clock);

    [Fact]
    public void NoMoreThanTheSlotsAreGrantedAndTheRestWaitInLine()
    {
        var answers = Enumerable.Range(0, 5).Select(_ => _ledger.Request(Guid.NewGuid(), Slots)).ToList();

        Assert.Equal([SlotStatus.Granted, SlotStatus.Granted, SlotStatus.Queued, SlotStatus.Queued, SlotStatus.Queued], answers.Select(a => a.Status));
        Assert.Equal(new SlotUsage(2, Slots, 3, CircuitState.Closed, 0, null), _ledger.Usage);
    }

    [Fact]
    public void AReleasedSlotGoesToTheFirstInLineAndWakesItsWait()
    {
        var (holder, _) = (Grant(), Grant());
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        _ledger.Request(first, Slots);
        _ledger.Request(second, Slots);
        var (_, firstDecided) = _ledger.BeginWait(first);

        _ledger.Release(holder, CallOutcome.Answered);

        Assert.True(firstDecided!.IsCompleted);
        Assert.Equal(SlotStatus.Granted, _ledger.EndWait(first).Status);
        Assert.Equal(SlotStatus.Queued, _ledger.BeginWait(second).Answer.Status);
    }

    [Fact]
    public void ALeaseNotRenewedExpiresAndItsSlotGoesToTheNextInLine()
    {
        var (silent, renewing) = (Grant(), Grant());
        var waiting = Guid.NewGuid();
        _ledger.Request(waiting, Slots);

        _clock.Advance(LeaseTime * 0.6);
        Assert.True(_ledger.Renew(renewing, Slots));
        Assert.Equal(SlotStatus.Queued, _ledger.BeginWait(waiting).Answer.Status);
        _clock.Advance(LeaseTime * 0.6);
        _ledger.Tick();

        Assert.Equal(SlotStatus.Granted, _ledger.EndWait(waiting).Status);
        Assert.Equal(SlotStatus.Unknown, _ledger.BeginWait(silent).Answer.Status);
        Assert.Equal(2, _ledger.Usage.Busy);
    }

    [Fact]
    public void AWaiterThatStopsAskingIsDroppedFromTheLine()
    {
        var holders = new[] { Grant(), Grant() };
        var (silent, asking) = (Guid.NewGuid(), Guid.NewGuid());
        _ledger.Request(silent, Slots);
        _ledger.Request(asking, Slots);
        _ledger.BeginWait(asking);

        _clock.Advance(LeaseTime * 0.6);
        Assert.All(holders, holder => Assert.True(_ledger.Renew(holder, Slots)));
        _clock.Advance(LeaseTime * 0.6);
        _ledger.Tick();

        Assert.Equal(SlotStatus.Unknown, _ledger.BeginWait(silent).Answer.Status);
        Assert.Equal(SlotStatus.Queued, _ledger.EndWait(asking).Status);
        Assert.Equal(1, _ledger.Usage.Waiting);
    }

    [Fact]
    public void AfterAnUncleanRestartNothingIsGrantedForOneLeaseTimeWhileRunningLeasesAreAdoptedByTheirRenewals()
    {
        _ledger.HoldGrantsUntil(_clock.GetUtcNow() + LeaseTime);
        var (runningA, runningB) = (Guid.NewGuid(), Guid.NewGuid());
        var newcomer = Guid.NewGuid();

        Assert.Equal(SlotStatus.Queued, _ledger.Request(newcomer, Slots).Status);
        Assert.True(_ledger.Renew(runningA, Slots));
        Assert.True(_ledger.Renew(runningB, Slots));
        _ledger.Release(runningA, CallOutcome.Answered);
        Assert.Equal(SlotStatus.Queued, _ledger.BeginWait(newcomer).Answer.Status);

        _clock.Advance(LeaseTime / 2);
        Assert.True(_ledger.Renew(runningB, Slots));
        _clock.Advance(LeaseTime / 2);
        _ledger.Tick();

        Assert.Equal(SlotStatus.Granted, _ledger.EndWait(newcomer).Status);
        Assert.Equal(2, _ledger.Usage.Busy);
        Assert.False(_ledger.Renew(Guid.NewGuid(), Slots));
    }

    [Fact]
    public void FailuresInARowTakeTheEndpointOutOfRotationUntilTheBreakIsOver()
    {
        for (var failure = 0; failure < 3; failure++)
            _ledger.Release(Grant(), CallOutcome.Failed);

        Assert.Equal(CircuitState.Open, _ledger.Usage.Circuit);
        Assert.Equal(_clock.GetUtcNow() + BreakTime, _ledger.Usage.RetryAt);
        Assert.Equal(SlotStatus.OutOfRotation, _ledger.Request(Guid.NewGuid(), Slots).Status);
    }

    [Fact]
    public void AnAnswerBetweenFailuresKeepsTheEndpointInRotation()
    {
        foreach (var outcome in new[] { CallOutcome.Failed, CallOutcome.Failed, CallOutcome.Answered, CallOutcome.Failed, CallOutcome.Failed })
            _ledger.Release(Grant(), outcome);

        Assert.Equal(CircuitState.Closed, _ledger.Usage.Circuit);
        Assert.Equal(2, _ledger.Usage.ConsecutiveFailures);
    }

    [Fact]
    public void OpeningTheCircuitTellsEveryoneInLineToGoElsewhere()
    {
        var (a, b) = (Grant(), Grant());
        var line = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        line.ForEach(ticket => _ledger.Request(ticket, Slots));
        var (_, lastDecided) = _ledger.BeginWait(line[3]);

        _ledger.Release(a, CallOutcome.Failed);
        _ledger.Release(b, CallOutcome.Failed);
        _ledger.Release(line[0], CallOutcome.Failed);

        Assert.True(lastDecided!.IsCompleted);
        Assert.Equal(SlotStatus.OutOfRotation, _ledger.EndWait(line[3]).Status);
        Assert.Equal(SlotStatus.Granted, _ledger.BeginWait(line[1]).Answer.Status);
        Assert.Equal((1, 0), (_ledger.Usage.Busy, _ledger.Usage.Waiting));
    }

    [Fact]
    public void AfterTheBreakOneTrialCallIsGrantedAndItsAnswerBringsTheEndpointBack()
    {
        OpenTheCircuit();
        _clock.Advance(BreakTime);
        var (trial, next) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal(CircuitState.HalfOpen, _ledger.Usage.Circuit);
        Assert.Equal(SlotStatus.Granted, _ledger.Request(trial, Slots).Status);
        Assert.Equal(SlotStatus.Queued, _ledger.Request(next, Slots).Status);
        _ledger.Release(trial, CallOutcome.Answered);

        Assert.Equal(CircuitState.Closed, _ledger.Usage.Circuit);
        Assert.Equal(SlotStatus.Granted, _ledger.BeginWait(next).Answer.Status);
        Assert.Equal(SlotStatus.Granted, _ledger.Request(Guid.NewGuid(), Slots).Status);
    }

    [Fact]
    public void AFailedTrialDoublesTheBreakUpToItsCap()
    {
        OpenTheCircuit();
        var breaks = new List<TimeSpan>();
        for (var trial = 0; trial < 5; trial++)
        {
            _clock.Advance(_ledger.Usage.RetryAt!.Value - _clock.GetUtcNow());
            var ticket = Grant();
            _ledger.Release(ticket, CallOutcome.Failed);
            breaks.Add(_ledger.Usage.RetryAt!.Value - _clock.GetUtcNow());
        }

        Assert.Equal([10, 20, 30, 30, 30], breaks.Select(b => b.TotalSeconds));
    }

    private Guid Grant()
    {
        var ticket = Guid.NewGuid();
        Assert.Equal(SlotStatus.Granted, _ledger.Request(ticket, Slots).Status);
        return ticket;
    }

    private void OpenTheCircuit()
    {
        for (var failure = 0; failure < 3; failure++)
            _ledger.Release(Grant(), CallOutcome.Failed);
        Assert.Equal(CircuitState.Open, _ledger.Usage.Circuit);
    }
}
