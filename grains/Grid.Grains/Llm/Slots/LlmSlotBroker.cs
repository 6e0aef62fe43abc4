using System.Collections.Concurrent;
using Grid.Abstractions.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// Gets a slot for one request: first in line at the least busy endpoint in rotation, and when that
/// one has no slot free, in line at every other endpoint too; the first grant wins and the other
/// places are given up. So work goes wherever a slot frees first, and no endpoint gets more
/// requests than its slots. An endpoint this silo found unreachable or without the model is
/// left out while another can take the work. At most <see cref="LlmOptions.MaxQueuedPerSilo"/> of this silo's
/// requests ask the slot grains at once; the rest wait their turn in this silo (<see cref="SlotRequestGate"/>).
/// A place in line is asked for with its first wait in one call (<see cref="ILlmSlotGrain.RequestAndWaitAsync"/>),
/// and when every endpoint was full when last heard of, all are asked at once: a slot then costs one call per
/// endpoint, a give-up where it was not granted, and the release; the leases held are renewed together, one call
/// per endpoint every third of a lease (<see cref="SlotLeaseRenewer"/>).
/// </summary>
public sealed partial class LlmSlotBroker(LlmEndpointPool pool, ILlmSlotDirectory directory, IOptions<LlmOptions> options, ILogger<LlmSlotBroker> logger) : IDisposable
{
    /// <summary>How long one wait call may last: well inside Orleans' 30 s response timeout.</summary>
    private static readonly TimeSpan PollTime = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan KeeperUnavailablePause = TimeSpan.FromMilliseconds(500);

    private readonly LlmOptions _options = options.Value;

    private readonly SlotRequestGate _gate = new(options.Value.EffectiveMaxQueuedPerSilo);

    private readonly ConcurrentDictionary<string, SlotLeaseRenewer> _renewers = new();

    /// <summary>A slot for a request whose lane (its priority and owner) stays as it is.</summary>
    public Task<LlmSlot> AcquireAsync(SlotLane lane, CancellationToken cancellationToken, LlmEndpoint? avoid = null) =>
        AcquireAsync(new RisingLane(lane), cancellationToken, avoid);

    /// <param name="avoid">An endpoint that just failed this work: used only when there is no other in rotation.</param>
    /// <exception cref="LlmCallFailure">Every endpoint is out of rotation (no backend there: the work waits until the time of the next trial).</exception>
    /// <param name="lane">Where the request waits when no slot is free; when it rises, the request moves up wherever it waits.</param>
    public async Task<LlmSlot> AcquireAsync(RisingLane lane, CancellationToken cancellationToken, LlmEndpoint? avoid = null)
    {
        // Waits in this silo until it may join the slot grains' lines; leaves the gate with its slot (or its failure).
        using var admission = await _gate.EnterAsync(lane, cancellationToken);
        var raised = lane.Raised;
        var ticket = Guid.NewGuid();
        var inRotation = pool.Endpoints
            .Where(endpoint => endpoint.Health.Usable && (endpoint.Usage.Circuit != CircuitState.Open || endpoint.Usage.RetryAt <= DateTimeOffset.UtcNow))
            .ToList();
        if (inRotation.Count > 1 && avoid is not null)
            inRotation.Remove(avoid);
        var order = (inRotation.Count > 0 ? inRotation : [.. pool.Endpoints]).OrderBy(endpoint => endpoint.Usage.Load).ToList();

        var asking = new Dictionary<LlmEndpoint, Task<SlotAnswer?>>();
        try
        {
            if (order.Count > 1 && MayHaveAFreeSlot(order[0]))
            {
                // The least busy first: when it has a slot free, that is the only call.
                var first = await RequestAsync(order[0], ticket, lane.Current);
                if (first?.Status == SlotStatus.Granted)
                    return Granted(order[0], ticket);
                asking[order[0]] = Task.FromResult(first);
            }
            // The others (all of them when even the least busy was full when last heard of) are asked to place the
            // ticket and answer when it is granted: a request put in line waits anyway, so the two are one call.
            foreach (var endpoint in order.Where(endpoint => !asking.ContainsKey(endpoint)))
                asking[endpoint] = RequestAndWaitAsync(endpoint, ticket, lane.Current);

            while (asking.Count > 0)
            {
                var next = await Task.WhenAny(asking.Values.Append<Task>(raised)).WaitAsync(cancellationToken);
                if (next == raised)
                {
                    // The work is wanted by a higher-priority article now: move up in every line it waits in.
                    raised = lane.Raised;
                    RaisePlaces(asking.Keys, ticket, lane.Current);
                    continue;
                }
                var answered = (Task<SlotAnswer?>)next;
                var endpoint = asking.First(pair => pair.Value == answered).Key;
                switch ((await answered)?.Status)
                {
                    case SlotStatus.Granted:
                        asking.Remove(endpoint);
                        GiveUpPlaces(asking.Keys, ticket);
                        asking.Clear();
                        return Granted(endpoint, ticket);
                    case SlotStatus.Queued:
                        asking[endpoint] = AskAsync(endpoint, keeper => keeper.WaitAsync(ticket, PollTime));
                        break;
                    case SlotStatus.Unknown:
                        asking[endpoint] = RequestAndWaitAsync(endpoint, ticket, lane.Current);
                        break;
                    case null:
                        asking[endpoint] = PauseThenRequestAsync(endpoint, ticket, lane, cancellationToken);
                        break;
                    default:
                        asking.Remove(endpoint);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            GiveUpPlaces(asking.Keys, ticket);
            throw;
        }

        var retryAt = pool.Endpoints.Select(endpoint => endpoint.Usage.RetryAt).Min();
        throw new LlmCallFailure(
            $"every endpoint is out of rotation after failing again and again ({string.Join(", ", pool.Endpoints.Select(e => e.Url))}); the next trial is at {retryAt:HH:mm:ss}",
            retryable: true, LlmFailureKind.BackendUnavailable) { RetryAt = retryAt, BackendAbsent = true };
    }

    /// <summary>As the endpoint's slot keeper last answered this silo: a slot free and no one in line.</summary>
    private static bool MayHaveAFreeSlot(LlmEndpoint endpoint) => endpoint.Usage is var usage && usage.Busy + usage.Waiting < usage.Slots;

    private LlmSlot Granted(LlmEndpoint endpoint, Guid ticket)
    {
        var keeper = directory.For(endpoint.Url);
        var renewer = _renewers.GetOrAdd(endpoint.Url, _ => new SlotLeaseRenewer(endpoint, keeper, _options.SlotLeaseTime, logger));
        return new(endpoint, keeper, renewer, ticket, logger);
    }

    /// <summary>Ends the lease renewals: the silo is stopping (its slots come back within a lease if not released).</summary>
    public void Dispose()
    {
        foreach (var renewer in _renewers.Values)
            renewer.Dispose();
    }

    private Task<SlotAnswer?> RequestAsync(LlmEndpoint endpoint, Guid ticket, SlotLane lane) =>
        AskAsync(endpoint, keeper => keeper.RequestAsync(ticket, endpoint.Slots, lane));

    private Task<SlotAnswer?> RequestAndWaitAsync(LlmEndpoint endpoint, Guid ticket, SlotLane lane) =>
        AskAsync(endpoint, keeper => keeper.RequestAndWaitAsync(ticket, endpoint.Slots, lane, PollTime));

    /// <summary>The keeper could not be reached (it may be moving to another silo): ask again after a pause, not in a tight loop.</summary>
    private async Task<SlotAnswer?> PauseThenRequestAsync(LlmEndpoint endpoint, Guid ticket, RisingLane lane, CancellationToken cancellationToken)
    {
        await Task.Delay(KeeperUnavailablePause, cancellationToken);
        return await RequestAndWaitAsync(endpoint, ticket, lane.Current);
    }

    /// <summary>Moves the ticket up in the lines it waits in; not awaited, as the waits under way hear of the grant either way.</summary>
    private void RaisePlaces(IEnumerable<LlmEndpoint> endpoints, Guid ticket, SlotLane lane)
    {
        foreach (var endpoint in endpoints.ToList())
            _ = AskAsync(endpoint, keeper => keeper.RaiseAsync(ticket, lane));
    }

    /// <summary>One call to an endpoint's keeper; null when it could not be reached.</summary>
    private async Task<SlotAnswer?> AskAsync(LlmEndpoint endpoint, Func<ILlmSlotGrain, Task<SlotAnswer>> call)
    {
        try
        {
            var answer = await call(directory.For(endpoint.Url));
            endpoint.Observe(answer.Usage);
            return answer;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogKeeperUnavailable(endpoint.Url, error.Message);
            return null;
        }
    }

    /// <summary>Leaves the other lines (and gives back a slot granted there at the same moment); not awaited, so the request starts at once.</summary>
    private void GiveUpPlaces(IEnumerable<LlmEndpoint> endpoints, Guid ticket)
    {
        foreach (var endpoint in endpoints.ToList())
            _ = GiveUpPlaceAsync(endpoint, ticket);
    }

    private async Task GiveUpPlaceAsync(LlmEndpoint endpoint, Guid ticket)
    {
        try
        {
            await directory.For(endpoint.Url).ReleaseAsync(ticket, CallOutcome.Unused);
        }
        catch (Exception error)
        {
            // A place left behind is dropped once its holder stops asking; a slot, once its lease runs out.
            LogKeeperUnavailable(endpoint.Url, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The slots of {Endpoint} could not be asked: {Reason}")]
    private partial void LogKeeperUnavailable(string endpoint, string reason);
}
