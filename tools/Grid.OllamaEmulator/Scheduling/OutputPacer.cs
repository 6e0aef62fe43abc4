using Grid.OllamaEmulator.Settings;
namespace Grid.OllamaEmulator.Scheduling;

/// <summary>
/// Paces a request's output: token n is due ttft + n / tokens-per-second after the request got its
/// slot. Settings are re-read whenever they change, so speeding the emulator up frees waiting requests.
/// </summary>
internal sealed class OutputPacer(RuntimeSettingsStore settings, TimeProvider clock, long startTimestamp)
{
    public async Task WaitUntilDueAsync(int tokensSent, CancellationToken cancellationToken)
    {
        while (true)
        {
            // The token first: a change between the two reads then shows as an already-cancelled token.
            var changed = settings.ChangeToken;
            var current = settings.Current;
            var due = TimeSpan.FromMilliseconds(current.TtftMs)
                + (current.TokensPerSecond > 0 ? TimeSpan.FromSeconds(tokensSent / current.TokensPerSecond) : TimeSpan.Zero);
            var remaining = due - clock.GetElapsedTime(startTimestamp);
            if (remaining <= TimeSpan.Zero)
                return;

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, changed);
            try
            {
                await Task.Delay(remaining, clock, wake.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The settings changed: work out the due time again.
            }
        }
    }
}
