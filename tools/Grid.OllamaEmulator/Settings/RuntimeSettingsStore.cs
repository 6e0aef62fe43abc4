using Grid.OllamaEmulator.Scheduling;

namespace Grid.OllamaEmulator.Settings;

/// <summary>
/// Holds the current <see cref="RuntimeSettings"/>. A change also cancels <see cref="ChangeToken"/>,
/// which wakes requests pacing their output so a new speed applies at once.
/// </summary>
internal sealed class RuntimeSettingsStore(EmulatorOptions options, StateChangeSignal signal)
{
    private readonly Lock _gate = new();
    private RuntimeSettings _current = options.ToRuntimeSettings();
    private CancellationTokenSource _changed = new();

    public RuntimeSettings Current { get { lock (_gate) return _current; } }

    public CancellationToken ChangeToken { get { lock (_gate) return _changed.Token; } }

    public RuntimeSettings Update(Func<RuntimeSettings, RuntimeSettings> change)
    {
        CancellationTokenSource previous;
        RuntimeSettings updated;
        lock (_gate)
        {
            updated = change(_current);
            updated.Validate();
            _current = updated;
            previous = _changed;
            _changed = new CancellationTokenSource();
        }
        // Not disposed: pacing requests may still be linking to its token.
        previous.Cancel();
        signal.Notify();
        return updated;
    }
}
