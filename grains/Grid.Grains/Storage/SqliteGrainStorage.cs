using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// Grain storage in one SQLite file: a row per (provider, grain type, grain key, state name),
/// serialized by Orleans' <see cref="IGrainStorageSerializer"/>, guarded by ETags.
/// </summary>
internal sealed partial class SqliteGrainStorage(
    string name,
    SqliteStateStore store,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    ILogger<SqliteGrainStorage> logger) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IStateSetAside
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(name), ServiceLifecycleStage.ApplicationServices, StartAsync);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(Key(stateName, grainId), cancellationToken);
        grainState.State = stored is null ? CreateDefault<T>() : serializer.Deserialize<T>(stored.Data) ?? CreateDefault<T>();
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var data = serializer.Serialize(grainState.State).ToArray();
        try
        {
            grainState.ETag = await store.WriteAsync(Key(stateName, grainId), grainState.ETag, data, cancellationToken);
            grainState.RecordExists = true;
        }
        catch (InconsistentStateException conflict)
        {
            LogConflict(conflict.Message);
            throw;
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(Key(stateName, grainId), grainState.ETag, cancellationToken);
        }
        catch (InconsistentStateException conflict)
        {
            LogConflict(conflict.Message);
            throw;
        }
        grainState.State = CreateDefault<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async Task<string> SetAsideAsync(string stateName, GrainId grainId)
    {
        await store.SetAsideAsync(Key(stateName, grainId));
        return $"table grain_state_unreadable of {store.FullPath}";
    }

    // Setting the file up at start makes a bad path or an unwritable folder stop the silo, not fail the first grain.
    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.EnsureReadyAsync(cancellationToken);
        LogStarted(name, store.FullPath, store.JournalMode);
    }

    private StateKey Key(string stateName, GrainId grainId) => new(name, grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    private T CreateDefault<T>() => activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage {Name} keeps its states in {Path} (journal mode {JournalMode})")]
    private partial void LogStarted(string name, string path, string? journalMode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Conflict}")]
    private partial void LogConflict(string conflict);
}
