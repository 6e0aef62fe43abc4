using Grid.Grains.Limits;

namespace Grid.Silo.Api.Security;

/// <summary>
/// The cluster's request counters (<see cref="IRequestCounterGrain"/>), by what they count and whom. A counter
/// that cannot be reached lets the call through, logged: a limit must not turn a cluster hiccup into an outage.
/// </summary>
public sealed partial class RequestCounters(IGrainFactory grains, TimeProvider clock, ILogger<RequestCounters> logger)
{
    public Task<RequestCount?> AddAsync(string counter) => AskAsync(counter, grain => grain.AddAsync());

    public Task<RequestCount?> PeekAsync(string counter) => AskAsync(counter, grain => grain.PeekAsync());

    /// <summary>Whole seconds until the window ends, at least one.</summary>
    public int SecondsLeft(RequestCount count) => Math.Max(1, (int)Math.Ceiling((count.WindowEnds - clock.GetUtcNow()).TotalSeconds));

    private async Task<RequestCount?> AskAsync(string counter, Func<IRequestCounterGrain, Task<RequestCount>> ask)
    {
        try
        {
            return await ask(grains.GetGrain<IRequestCounterGrain>(counter));
        }
        catch (Exception error)
        {
            LogCounterFailed(counter, error.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request counter {Counter} could not be reached, so the call was not limited: {Error}")]
    private partial void LogCounterFailed(string counter, string error);
}
