using Grid.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Grid.Grains.Tests.Storage;

/// <summary>A SQLite row that no longer deserializes is moved to <c>grain_state_unreadable</c>, and its grain reads empty and writes on.</summary>
public sealed class UnreadableSqliteStateTests : IAsyncLifetime
{
    private const string StateName = "probe";

    private readonly TemporaryDatabase _database = new();
    private readonly GrainId _grain = GrainId.Create("probe", Guid.NewGuid().ToString("N"));
    private readonly WarningLog<UnreadableStateGuard> _log = new();
    private InProcessTestCluster _cluster = null!;
    private IGrainStorage _inner = null!;
    private UnreadableStateGuard _guard = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SqliteStorageCluster.StartAsync(_database.Path);
        _inner = _cluster.Storage(GridStorage.Articles);
        var activators = _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetRequiredService<IActivatorProvider>();
        _guard = new UnreadableStateGuard(GridStorage.Articles, _inner, (IStateSetAside)_inner, activators, _log);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
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
        var unreachable = new UnreadableStateGuard(GridStorage.Articles, new UnreachableStorage(), (IStateSetAside)_inner,
            _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetRequiredService<IActivatorProvider>(), _log);

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
