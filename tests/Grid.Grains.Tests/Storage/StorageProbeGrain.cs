namespace Grid.Grains.Tests.Storage;

/// <summary>
/// The same state name under both providers on purpose: with both on one file, only the
/// provider tells the two rows apart.
/// </summary>
public sealed class StorageProbeGrain(
    [PersistentState("probe", GridStorage.Articles)] IPersistentState<ProbeState> articles,
    [PersistentState("probe", GridStorage.Translations)] IPersistentState<ProbeState> translations) : Grain, IStorageProbeGrain
{
    public async Task AppendAsync(string provider, string line)
    {
        var state = In(provider);
        state.State.Lines.Add(line);
        state.State.LastWrite = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
    }

    public async Task<ProbeState> ReadAsync(string provider)
    {
        var state = In(provider);
        await state.ReadStateAsync();
        return state.State;
    }

    public Task<bool> RecordExistsAsync(string provider) => Task.FromResult(In(provider).RecordExists);

    public Task ClearAsync(string provider) => In(provider).ClearStateAsync();

    private IPersistentState<ProbeState> In(string provider) => provider switch
    {
        GridStorage.Articles => articles,
        GridStorage.Translations => translations,
        _ => throw new ArgumentException($"No probe state in provider '{provider}'.", nameof(provider)),
    };
}
