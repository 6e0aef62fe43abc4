using Microsoft.Data.Sqlite;

namespace Grid.Grains.Storage;

/// <summary>Opens a connection to one of Grid's SQLite files with the per-connection settings its owner needs.</summary>
public static class SqliteConnections
{
    /// <param name="busyTimeout">SQLite's own wait, in steps of milliseconds, for a lock another process holds.</param>
    /// <param name="synchronous">The <c>synchronous</c> pragma: <c>FULL</c> fsyncs every commit, <c>NORMAL</c> survives a killed process but not a power cut.</param>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, TimeSpan busyTimeout, string synchronous, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Both are per connection, so they are set on every open; on a pooled connection that costs microseconds.
            await using var pragmas = new SqliteCommand($"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous};", connection);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
