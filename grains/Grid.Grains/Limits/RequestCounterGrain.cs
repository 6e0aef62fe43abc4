namespace Grid.Grains.Limits;

/// <inheritdoc cref="IRequestCounterGrain"/>
/// <remarks>Collected soon after its caller goes quiet: an attacker trying many addresses leaves few counters behind.</remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class RequestCounterGrain(TimeProvider clock) : Grain, IRequestCounterGrain
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private RequestCount _current = new(0, DateTimeOffset.MinValue);

    public Task<RequestCount> AddAsync()
    {
        var now = clock.GetUtcNow();
        _current = now >= _current.WindowEnds ? new(1, now + Window) : _current with { Count = _current.Count + 1 };
        return Task.FromResult(_current);
    }

    public Task<RequestCount> PeekAsync() =>
        Task.FromResult(clock.GetUtcNow() >= _current.WindowEnds ? new RequestCount(0, DateTimeOffset.MinValue) : _current);
}
