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

    /// <summary>Writes the state within the save window, with whatever else changes by then; at once when the window is zero.</summary>
    private Task SaveSoonAsync()
    {
        if (_options.SaveWindow <= TimeSpan.Zero)
            return SaveAsync();
        _gathering ??= this.RegisterGrainTimer(WriteGatheredAsync, new GrainTimerCreationOptions(_options.SaveWindow, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return Task.CompletedTask;
    }

    private async Task WriteGatheredAsync(CancellationToken cancellationToken)
    {
        // A failed write keeps the changes in memory: gathered again, they are written at the next window.
        if (!await SaveAsync())
            await SaveSoonAsync();
    }

    /// <summary>Called by every write: it carries what was gathered.</summary>
    private void StopGathering()
    {
        _gathering?.Dispose();
        _gathering = null;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A silo stopping in order writes what was gathered; one that dies cannot, and the caches hold it.
        if (_gathering is not null && !cancellationToken.IsCancellationRequested)
            await SaveAsync();
    }
}
