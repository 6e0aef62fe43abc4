using Npgsql;

namespace Grid.Silo.Hosting.Postgres;

/// <summary><c>Grid:Postgres</c>, read the way Npgsql reads it; described without its password for errors and logs.</summary>
public static class PostgresConnectionString
{
    private const string Example = "Host=localhost;Port=5432;Database=grid;Username=grid;Password=…";

    /// <returns>Why the string cannot be used, in a sentence; null when Npgsql accepts it.</returns>
    public static string? Problem(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return $"Grid:Postgres is empty: give an Npgsql connection string, e.g. {Example}.";
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException)
        {
            return $"Grid:Postgres is not an Npgsql connection string ({error.Message}); it should look like {Example}.";
        }
        return string.IsNullOrWhiteSpace(parsed.Host) ? $"Grid:Postgres names no Host: it should look like {Example}." : null;
    }

    /// <summary>Host, port, database and user: what an operator needs to find the server, and nothing secret.</summary>
    public static string Describe(string connectionString)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL at {parsed.Host}:{parsed.Port}, database '{parsed.Database ?? parsed.Username}', user '{parsed.Username}'";
    }
}
