using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>How many calls the slot keepers get for one slot: each is a grain call in a cluster, on every LLM call.</summary>
public sealed class LlmSlotBrokerTests : IDisposable
{
    private const string First = "http://127.0.0.1:1/first";
    private const string Second = "http://127.0.0.1:1/second";

    private readonly LlmOptions _options = new() { Endpoints = [new() { Url = First }, new() { Url = Second }] };
    private readonly CountingSlotDirectory _directory;
    private readonly LlmEndpointPool _pool;
    private readonly LlmSlotBroker _broker;

    public LlmSlotBrokerTests()
    {
        _directory = new CountingSlotDirectory(new InProcessSlotDirectory(_options, TimeProvider.System));
        _pool = new LlmEndpointPool(Options.Create(_options));
        _broker = new LlmSlotBroker(_pool, _directory, Options.Create(_options), NullLogger<LlmSlotBroker>.Instance);
    }

    [Fact]
    public async Task AFreeSlotOnTheLeastBusyEndpointTakesOneRequestAndOneRelease()
    {
        var slot = await _broker.AcquireAsync(SlotLane.Shared, CancellationToken.None);
        await slot.ReleaseAsync(CallOutcome.Answered);

        Assert.Equal([$"{First} request", $"{First} release"], _directory.Calls);
    }

    [Fact]
    public async Task WhenEveryEndpointIsFullEachIsAskedOnceAndTheOtherPlaceIsGivenUpOnTheGrant()
    {
        var (holdsFirst, holdsSecond) = (Guid.NewGuid(), Guid.NewGuid());
        await _directory.Keeper(First).RequestAsync(holdsFirst, 1, SlotLane.Shared);
        await _directory.Keeper(Second).RequestAsync(holdsSecond, 1, SlotLane.Shared);
        foreach (var endpoint in _pool.Endpoints)
            endpoint.Observe(await _directory.Keeper(endpoint.Url).GetUsageAsync());

        // The broker places its ticket with both keepers before its first wait, so both calls are made once this returns.
        var acquiring = _broker.AcquireAsync(SlotLane.Shared, CancellationToken.None);
        Assert.Equal(2, _directory.Calls.Count);
        await _directory.Keeper(Second).ReleaseAsync(holdsSecond, CallOutcome.Answered);
        var slot = await acquiring;

        Assert.Equal(Second, slot.Endpoint.Url);
        Assert.Equal([$"{First} release", $"{First} request-wait", $"{Second} request-wait"], _directory.Calls.Order());
        Assert.Equal(0, (await _directory.Keeper(First).GetUsageAsync()).Waiting);
        await slot.ReleaseAsync(CallOutcome.Answered);
    }

    [Fact]
    public async Task OneEndpointIsAskedOnceForARequestThatWaitsInLine()
    {
        var options = new LlmOptions { Endpoints = [new() { Url = First }] };
        using var pool = new LlmEndpointPool(Options.Create(options));
        using var broker = new LlmSlotBroker(pool, _directory, Options.Create(options), NullLogger<LlmSlotBroker>.Instance);
        var holder = Guid.NewGuid();
        await _directory.Keeper(First).RequestAsync(holder, 1, SlotLane.Shared);

        var acquiring = broker.AcquireAsync(SlotLane.Shared, CancellationToken.None);
        Assert.Single(_directory.Calls);
        await _directory.Keeper(First).ReleaseAsync(holder, CallOutcome.Answered);
        var slot = await acquiring;

        Assert.Equal([$"{First} request-wait"], _directory.Calls);
        await slot.ReleaseAsync(CallOutcome.Answered);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _pool.Dispose();
    }
}
