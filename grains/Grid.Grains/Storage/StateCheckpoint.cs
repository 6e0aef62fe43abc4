using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Storage;

/// <summary>
/// Writes a grain's state so progress is not lost: writes never overlap (background work and
/// calls interleave), a failed write is retried with backoff, and a stale ETag is answered by
/// re-reading and merging the stored state into ours, never by writing blindly over it.
/// Given a serializer, it writes only a state that differs from the one it last stored (a fingerprint of the
/// serialized state): a timer that saves "just in case" costs a hash, not a write. A failed write stores no
/// fingerprint, so the next save writes again. A caller that knows it changed the state says so, and the write skips
/// the fingerprint (a second serialization of the whole state); the next save that changed nothing then writes once.
/// </summary>
public sealed partial class StateCheckpoint<T>(IPersistentState<T> state, Func<T, T, T> mergeStoredIntoMine, ILogger logger, Serializer<T>? fingerprints = null)
{
    private const int Attempts = 4;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>The fingerprint of the state this checkpoint last wrote; none before its first write.</summary>
    private UInt128? _stored;

    /// <summary>Why the last save failed for good, until a later save succeeds; progress is then only in memory.</summary>
    public string? UnsavedBecause { get; private set; }

    /// <summary>Writes that failed and succeeded on a retry, with the first error of each.</summary>
    public List<string> RetriedFailures { get; } = [];

    /// <param name="changed">The caller changed the state since the last save: no fingerprint is taken to compare.</param>
    public async Task<bool> SaveAsync(bool changed = false)
    {
        await _writing.WaitAsync();
        try
        {
            var writing = changed ? null : Fingerprint();
            if (writing is not null && writing == _stored)
                return true;
            string? firstError = null;
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                try
                {
                    // Taken just before the write (again after a backoff or a merge): the providers serialize the state as the write starts.
                    if (attempt > 1 && !changed)
                        writing = Fingerprint();
                    await state.WriteStateAsync();
                    _stored = writing;
                    if (firstError is not null)
                        RetriedFailures.Add(firstError);
                    UnsavedBecause = null;
                    return true;
                }
                catch (InconsistentStateException conflict)
                {
                    firstError ??= $"a conflicting write ({conflict.Message})";
                    var mine = state.State;
                    await state.ReadStateAsync();
                    state.State = mergeStoredIntoMine(state.State, mine);
                }
                catch (Exception error)
                {
                    firstError ??= error.Message;
                    LogWriteFailed(attempt, error.Message);
                    if (attempt < Attempts)
                        await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1));
                }
            }
            UnsavedBecause = firstError;
            return false;
        }
        finally
        {
            _writing.Release();
        }
    }

    private UInt128? Fingerprint()
    {
        if (fingerprints is null)
            return null;
        using var hashing = new HashingBufferWriter();
        fingerprints.Serialize(state.State, hashing);
        return hashing.Hash;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving grain state failed (attempt {Attempt}): {Error}")]
    private partial void LogWriteFailed(int attempt, string error);
}
