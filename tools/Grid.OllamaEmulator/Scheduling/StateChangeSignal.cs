namespace Grid.OllamaEmulator.Scheduling;

/// <summary>
/// Completes a task every time the emulator's state changes, so tests can wait for
/// "a request is in flight" instead of sleeping.
/// </summary>
internal sealed class StateChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Take this before checking the state, then await it: no change can slip in between.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
