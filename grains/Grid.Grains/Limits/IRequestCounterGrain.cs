using Orleans.Concurrency;

namespace Grid.Grains.Limits;

/// <summary>
/// Counts one caller's requests in fixed one-minute windows, for the whole cluster: every silo asks the same
/// grain, so N silos allow what one would. Kept in memory only; a window lost with its silo starts afresh.
/// </summary>
[Alias("grid.IRequestCounterGrain")]
public interface IRequestCounterGrain : IGrainWithStringKey
{
    /// <summary>Counts one more request in the current window (opening a new one when the last has ended).</summary>
    [Alias("add")]
    Task<RequestCount> AddAsync();

    /// <summary>The current window's count, without adding to it.</summary>
    [Alias("peek"), ReadOnly]
    Task<RequestCount> PeekAsync();
}
