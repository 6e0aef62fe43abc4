namespace Grid.Grains.Articles;

/// <summary>
/// Progress that a crash can only delay is gathered for <see cref="ArticleOptions.SaveWindow"/> and written once:
/// a complete answer (its chunk grain stored it before calling back), English the paragraph cache holds, the status
/// moving on. After a crash the article asks the chunk and paragraph grains again and they answer from what they
/// stored, so nothing is paid twice. Any write made meanwhile carries what was gathered.
/// </summary>
public sealed partial class ArticleGrain
{
    private IGrainTimer? _gathering;
    /// <summary>Some of what is gathered is known to be a change (see <see cref="SaveAsync(bool)"/>).</summary>
    private bool _gatheredChanges;

    /// <summary>Writes the state within the save window, with whatever else changes by then; at once when the window is zero.</summary>
    /// <param name="changed">The caller changed the state; false where it may have changed nothing.</param>
    private Task SaveSoonAsync(bool changed = true)
    {
        if (_options.SaveWindow <= TimeSpan.Zero)
            return SaveAsync(changed);
        _gatheredChanges |= changed;
        _gathering ??= this.RegisterGrainTimer(WriteGatheredAsync, new GrainTimerCreationOptions(_options.SaveWindow, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return Task.CompletedTask;
    }

    private async Task WriteGatheredAsync(CancellationToken cancellationToken)
    {
        // A failed write keeps the changes in memory: gathered again, they are written at the next window.
        if (!await SaveAsync(changed: false))
            await SaveSoonAsync();
    }

    /// <summary>Called by every write: it carries what was gathered.</summary>
    /// <returns>Whether what was gathered holds a known change.</returns>
    private bool StopGathering()
    {
        _gathering?.Dispose();
        _gathering = null;
        var changed = _gatheredChanges;
        _gatheredChanges = false;
        return changed;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A silo stopping in order writes what was gathered; one that dies cannot, and the caches hold it.
        if (_gathering is not null && !cancellationToken.IsCancellationRequested)
            await SaveAsync(changed: false);
    }
}
