using Grid.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>A SQLite row that no longer deserializes is moved to <c>grain_state_unreadable</c>, and its grain reads empty and writes on.</summary>
public sealed class UnreadableSqliteStateTests : IAsyncLifetime
{
    private const string StateName = "probe";

    private readonly TemporaryDatabase _database = new();
    private readonly GrainId _grain = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
    private readonly WarningLog<UnreadableStateGuard> _log = new();
    private GridSiloHost _silo = null!;
    private IGrainStorage _inner = null!;
    private UnreadableStateGuard _guard = null!;

    public async Task InitializeAsync()
    {
        _silo = await SqliteStorageSilo.StartAsync(_database.Path);
        // The silo's own providers already sit behind a guard: this one, on the same file, does not.
        _inner = _silo.Storage(SqliteStorageSilo.Unguarded);
        var activators = _silo.Services.GetRequiredService<IActivatorProvider>();
        _guard = new UnreadableStateGuard(SqliteStorageSilo.Unguarded, _inner, (IStateSetAside)_inner, activators, _log);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }

    [Fact]
    public async Task AnUnreadableRowIsMovedAsideKeptAndLoggedAndTheGrainReadsEmptyAndWritesOn()
    {
        await _inner.WriteStateAsync(StateName, _grain, new GrainState<ProbeState>(new ProbeState { Lines = ["before"] }));
        Execute($"UPDATE grain_state SET data = X'7B6E6F74206A736F6E' WHERE grain_id = '{_grain.Key}'");

        var read = new GrainState<ProbeState>(new ProbeState());
        await _guard.ReadStateAsync(StateName, _grain, read);

        Assert.Empty(read.State!.Lines);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0L, SqliteFile.Query<long>(_database.Path, $"SELECT COUNT(*) FROM grain_state WHERE grain_id = '{_grain.Key}'"));
        Assert.Equal("{not json", SqliteFile.Query<string>(_database.Path, $"SELECT CAST(data AS TEXT) FROM grain_state_unreadable WHERE grain_id = '{_grain.Key}'"));
        Assert.Contains(_log.Warnings, warning => warning.Contains(_grain.ToString()) && warning.Contains("set aside at table grain_state_unreadable"));

        read.State.Lines.Add("after");
        await _guard.WriteStateAsync(StateName, _grain, read);
        var again = new GrainState<ProbeState>(new ProbeState());
        await _guard.ReadStateAsync(StateName, _grain, again);
        Assert.Equal(["after"], again.State!.Lines);
    }

    [Fact]
    public async Task StorageThatCannotBeReachedFailsTheReadAndSetsNothingAside()
    {
        await _inner.WriteStateAsync(StateName, _grain, new GrainState<ProbeState>(new ProbeState { Lines = ["kept"] }));
        // The row is fine; the store around it does not answer, as a Redis that is gone does not.
        var unreachable = new UnreadableStateGuard(SqliteStorageSilo.Unguarded, new UnreachableStorage(), (IStateSetAside)_inner,
            _silo.Services.GetRequiredService<IActivatorProvider>(), _log);

        await Assert.ThrowsAsync<IOException>(() => unreachable.ReadStateAsync(StateName, _grain, new GrainState<ProbeState>(new ProbeState())));

        Assert.Equal(1L, SqliteFile.Query<long>(_database.Path, $"SELECT COUNT(*) FROM grain_state WHERE grain_id = '{_grain.Key}'"));
        Assert.Empty(_log.Warnings);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
