using Grid.Abstractions.Translation;

namespace Grid.Grains.Llm;

/// <summary>
/// One piece of work's wait for a backend: when it began, and word of it to whoever follows the work,
/// once when it begins and once when a backend takes the work.
/// </summary>
internal sealed class OutageWait(Action<BackendWait?>? report)
{
    public DateTimeOffset? Since { get; private set; }

    /// <summary>What the work met when the wait began.</summary>
    public string? FirstReason { get; private set; }

    /// <summary>Notes that no backend took the work; returns when the wait began.</summary>
    public DateTimeOffset Begin(string reason)
    {
        if (Since is { } since)
            return since;
        (Since, FirstReason) = (DateTimeOffset.UtcNow, reason);
        report?.Invoke(new BackendWait(Since.Value, reason));
        return Since.Value;
    }

    /// <summary>A backend took the work (it answers, even if the answer is then refused).</summary>
    public void End()
    {
        if (Since is null)
            return;
        Since = null;
        report?.Invoke(null);
    }
}
