using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// One SQLite file of grain states, shared by every provider of the silo that names it. Each
/// operation takes a pooled connection of its own (a connection is not thread-safe); reads run
/// side by side (WAL), and writes go one at a time through an async gate: SQLite has one writer
/// anyway, and waiting on the gate holds no thread where SQLite's busy wait would block one.
/// </summary>
internal sealed class SqliteStateStore(string fullPath) : IDisposable
{
    /// <summary>How long a statement waits for a lock held by another process or silo on the same file.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _ready;

    public string FullPath { get; } = fullPath;

    /// <summary>The journal mode the file reports after setup: <c>wal</c>, unless its file system cannot do WAL.</summary>
    public string? JournalMode { get; private set; }

    /// <summary>Creates the folder, the file and the table if missing, and turns on WAL; once per store.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
            return;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
                return;
            Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
            await using var connection = await OpenAsync(cancellationToken);
            // WAL is kept by the file: readers never wait for the writer, and a commit is one append to the log.
            await using (var wal = new SqliteCommand("PRAGMA journal_mode = WAL;", connection))
                JournalMode = Convert.ToString(await wal.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            await using (var schema = new SqliteCommand(SqliteStateSql.Schema, connection))
                await schema.ExecuteNonQueryAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The stored state, or null when there is no row.</summary>
    public async Task<StoredState?> ReadAsync(StateKey key, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, SqliteStateSql.Select, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetString(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    /// <summary>
    /// Inserts the row when <paramref name="expectedETag"/> is null, else replaces the row that has that ETag;
    /// returns the new ETag, or throws <see cref="InconsistentStateException"/> when the row is not as expected.
    /// </summary>
    public async Task<string> WriteAsync(StateKey key, string? expectedETag, byte[] data, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // No cancelling past here: a write that starts also finishes, so the ETag handed back is the one stored.
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var command = Command(connection, expectedETag is null ? SqliteStateSql.Insert : SqliteStateSql.Update, key);
            var newETag = Guid.CreateVersion7().ToString("N");
            command.Parameters.AddWithValue("$etag", newETag);
            command.Parameters.AddWithValue("$data", data);
            command.Parameters.AddWithValue("$updated_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            if (expectedETag is not null)
                command.Parameters.AddWithValue("$expected", expectedETag);
            if (await command.ExecuteNonQueryAsync() == 0)
                throw await ConflictAsync(connection, "write", key, expectedETag);
            return newETag;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Deletes the row that has <paramref name="expectedETag"/> (with null: checks there is no row), or throws <see cref="InconsistentStateException"/>.</summary>
    public async Task DeleteAsync(StateKey key, string? expectedETag, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            if (expectedETag is null)
            {
                // The grain saw no row, so there is nothing to delete; a row that is there now was written by someone else.
                if (await ReadETagAsync(connection, key) is not null)
                    throw await ConflictAsync(connection, "clear", key, expectedETag);
                return;
            }
            await using var command = Command(connection, SqliteStateSql.Delete, key);
            command.Parameters.AddWithValue("$expected", expectedETag);
            if (await command.ExecuteNonQueryAsync() == 0)
                throw await ConflictAsync(connection, "clear", key, expectedETag);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Moves the row to the table <c>grain_state_unreadable</c>, where it stays for an operator to look at.</summary>
    public async Task SetAsideAsync(StateKey key)
    {
        await _writeGate.WaitAsync();
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var transaction = connection.BeginTransaction();
            await using var command = Command(connection, SqliteStateSql.SetAside, key);
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$set_aside_at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the pooled connections, so the file is checkpointed and let go when the silo stops.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    // synchronous = FULL: every commit is fsynced to the WAL, so a saved translation survives a power cut, not only a killed process.
    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, BusyTimeout, "FULL", cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, string sql, StateKey key)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$provider", key.Provider);
        command.Parameters.AddWithValue("$grain_type", key.GrainType);
        command.Parameters.AddWithValue("$grain_id", key.GrainId);
        command.Parameters.AddWithValue("$state_name", key.StateName);
        return command;
    }

    private static async Task<string?> ReadETagAsync(SqliteConnection connection, StateKey key)
    {
        await using var command = Command(connection, SqliteStateSql.SelectETag, key);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<InconsistentStateException> ConflictAsync(SqliteConnection connection, string operation, StateKey key, string? givenETag)
    {
        var storedETag = await ReadETagAsync(connection, key);
        return new InconsistentStateException(
            $"The {operation} of grain state {key} was refused: the stored ETag is {storedETag ?? "none (no row)"}, the grain's is {givenETag ?? "none (it saw no row)"}. Re-read the state before writing again.",
            storedETag,
            givenETag);
    }
}
