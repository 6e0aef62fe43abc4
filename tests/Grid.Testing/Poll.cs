namespace Grid;

/// <summary>
/// Waits on a condition, never on a clock: asks it every 100 ms until it holds, and once the patience runs out
/// fails with a <see cref="TimeoutException"/> that names what it waited for.
/// </summary>
public static class Poll
{
    public static Task UntilAsync(string what, Func<Task<bool>> condition, TimeSpan patience) =>
        UntilAsync(() => what, condition, patience);

    /// <param name="what">What is waited for, read only when the wait fails (it may describe the state then).</param>
    public static async Task UntilAsync(Func<string> what, Func<Task<bool>> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            try
            {
                await tick.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited {patience} for {what()}.");
            }
        }
    }
}
