using Microsoft.Data.Sqlite;

namespace Grid.Grains.Tests.Storage;

/// <summary>Looks into a database file from outside the provider, on a connection of its own that is not pooled.</summary>
internal static class SqliteFile
{
    public static T Query<T>(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    /// <summary>The probe grains' rows under <paramref name="provider"/>: the silo's own grains keep state in the file too.</summary>
    public static long Rows(string path, string provider) =>
        Query<long>(path, $"SELECT COUNT(*) FROM grain_state WHERE provider = '{provider}' AND state_name = 'probe'");
}
