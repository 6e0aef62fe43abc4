namespace Grid.Grains.Storage;

/// <summary>The table of grain states and the statements on it; every statement names one row by its whole primary key.</summary>
internal static class SqliteStateSql
{
    // A rowid table rather than WITHOUT ROWID: an article's state runs to tens of kilobytes, and
    // SQLite advises WITHOUT ROWID only for rows far smaller than a page.
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            provider   TEXT NOT NULL,
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag       TEXT NOT NULL,
            data       BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (provider, grain_type, grain_id, state_name)
        );
        CREATE TABLE IF NOT EXISTS grain_state_unreadable (
            provider   TEXT NOT NULL,
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag       TEXT NOT NULL,
            data       BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            set_aside_at TEXT NOT NULL
        );
        """;

    private const string KeyMatch = "provider = $provider AND grain_type = $grain_type AND grain_id = $grain_id AND state_name = $state_name";

    // The grain saw no row: a row already there leaves zero rows changed, which the store reports as a conflict.
    public const string Insert = """
        INSERT INTO grain_state (provider, grain_type, grain_id, state_name, etag, data, updated_at)
        VALUES ($provider, $grain_type, $grain_id, $state_name, $etag, $data, $updated_at)
        ON CONFLICT DO NOTHING;
        """;

    // Only over the row the grain last read or wrote, else zero rows changed.
    public const string Update = $"UPDATE grain_state SET etag = $etag, data = $data, updated_at = $updated_at WHERE {KeyMatch} AND etag = $expected;";

    public const string Delete = $"DELETE FROM grain_state WHERE {KeyMatch} AND etag = $expected;";

    // A state that cannot be read is kept (no primary key: every copy set aside stays), and taken out of the grain's way in one transaction.
    public const string SetAside = $"""
        INSERT INTO grain_state_unreadable (provider, grain_type, grain_id, state_name, etag, data, updated_at, set_aside_at)
            SELECT provider, grain_type, grain_id, state_name, etag, data, updated_at, $set_aside_at FROM grain_state WHERE {KeyMatch};
        DELETE FROM grain_state WHERE {KeyMatch};
        """;

    public const string Select = $"SELECT etag, data FROM grain_state WHERE {KeyMatch};";

    public const string SelectETag = $"SELECT etag FROM grain_state WHERE {KeyMatch};";
}
