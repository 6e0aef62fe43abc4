namespace Grid.Grains.Archive;

/// <summary>The archive's tables in SQLite and the statements on them.</summary>
internal static class SqliteArchiveSql
{
    // article_index: one row per article of each service (the cluster's ServiceId: clusters sharing a file never see each
    // other's articles), its list line as JSON and the version of the record that wrote it; the list is read newest first
    // through the indexes. article_text: FTS5 over the normalized text, contentless (the articles keep their text in their
    // state; the index keeps only what finds them), rowid = article_index.row.
    // porter over unicode61: English words are stemmed, Arabic (normalized before it gets here) passes through.
    // The article_index columns are written once (IndexColumns): the table as made, and as rebuilt by ScopeExisting.
    public const string Tables = $"""
        CREATE TABLE IF NOT EXISTS article_index (
        {IndexColumns}
        );
        CREATE TABLE IF NOT EXISTS article_index_removed (
            service_id   TEXT NOT NULL,
            id           TEXT NOT NULL,
            submitted_at INTEGER NOT NULL,
            PRIMARY KEY (service_id, id)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5 (
            title, summary, body,
            content = '', contentless_delete = 1,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """;

    private const string IndexColumns = """
            row          INTEGER PRIMARY KEY,
            service_id   TEXT NOT NULL,
            id           TEXT NOT NULL,
            version      INTEGER NOT NULL DEFAULT 0,
            status       INTEGER NOT NULL,
            submitted_at INTEGER NOT NULL,
            item         TEXT NOT NULL,
            feed         TEXT,
            UNIQUE (service_id, id)
        """;

    // Files made before articles knew their feed get the column before anything reads it.
    public const string HasFeed = "SELECT count(*) FROM pragma_table_info('article_index') WHERE name = 'feed';";

    public const string AddFeed = "ALTER TABLE article_index ADD COLUMN feed TEXT;";

    public const string HasServiceId = "SELECT count(*) FROM pragma_table_info('article_index') WHERE name = 'service_id';";

    /// <summary>
    /// A file made before the index was scoped holds one service's articles (SQLite is one node's store): its rows and
    /// removal markers become those of $service, the service that opens it first, at version 0 (any record replaces
    /// them). The tables are rebuilt, as SQLite changes no constraint in place; each row keeps its number, which is its
    /// text's rowid in article_text.
    /// </summary>
    public const string ScopeExisting = $"""
        CREATE TABLE article_index_scoped (
        {IndexColumns}
        );
        INSERT INTO article_index_scoped (row, service_id, id, version, status, submitted_at, item, feed)
            SELECT row, $service, id, 0, status, submitted_at, item, feed FROM article_index;
        DROP TABLE article_index;
        ALTER TABLE article_index_scoped RENAME TO article_index;
        CREATE TABLE article_index_removed_scoped (
            service_id   TEXT NOT NULL,
            id           TEXT NOT NULL,
            submitted_at INTEGER NOT NULL,
            PRIMARY KEY (service_id, id)
        ) WITHOUT ROWID;
        INSERT INTO article_index_removed_scoped (service_id, id, submitted_at) SELECT $service, id, submitted_at FROM article_index_removed;
        DROP TABLE article_index_removed;
        ALTER TABLE article_index_removed_scoped RENAME TO article_index_removed;
        """;

    public const string Indexes = """
        CREATE INDEX IF NOT EXISTS article_index_newest ON article_index (service_id, submitted_at DESC, id);
        CREATE INDEX IF NOT EXISTS article_index_status_newest ON article_index (service_id, status, submitted_at DESC, id);
        CREATE INDEX IF NOT EXISTS article_index_feed_newest ON article_index (service_id, feed, submitted_at DESC, id) WHERE feed IS NOT NULL;
        """;

    // A record from before a deletion (submitted no later than the deleted article) stays out, and so does one older than
    // the row (a lower version: made for an earlier state, by a writer whose write came late); then no row comes back.
    public const string Upsert = """
        INSERT INTO article_index (service_id, id, version, status, submitted_at, item, feed)
        SELECT $service, $id, $version, $status, $submitted_at, $item, $feed
        WHERE NOT EXISTS (SELECT 1 FROM article_index_removed WHERE service_id = $service AND id = $id AND submitted_at >= $submitted_at)
        ON CONFLICT (service_id, id) DO UPDATE SET version = excluded.version, status = excluded.status, submitted_at = excluded.submitted_at,
            item = excluded.item, feed = excluded.feed
        WHERE article_index.version <= excluded.version
        RETURNING row;
        """;

    public const string ReplaceText = """
        DELETE FROM article_text WHERE rowid = $row;
        INSERT INTO article_text (rowid, title, summary, body) VALUES ($row, $title, $summary, $body);
        """;

    public const string Remove = """
        INSERT INTO article_index_removed (service_id, id, submitted_at) VALUES ($service, $id, $submitted_at)
            ON CONFLICT (service_id, id) DO UPDATE SET submitted_at = max(submitted_at, excluded.submitted_at);
        DELETE FROM article_text WHERE rowid IN (SELECT row FROM article_index WHERE service_id = $service AND id = $id AND submitted_at <= $submitted_at);
        DELETE FROM article_index WHERE service_id = $service AND id = $id AND submitted_at <= $submitted_at;
        """;

    public const string Horizon = "SELECT coalesce(max(row), 0) FROM article_index;";

    public const string OtherServices =
        "SELECT EXISTS (SELECT 1 FROM article_index WHERE service_id < $service) OR EXISTS (SELECT 1 FROM article_index WHERE service_id > $service);";

    public const string MatchedRow = "a.row IN (SELECT rowid FROM article_text WHERE article_text MATCH $match)";

    /// <summary>
    /// The same test written so that SQLite cannot look rows up by it (the unary +): it walks the rows newest first
    /// and checks each, stopping at the page's end. For a word in many articles that beats fetching every match and
    /// sorting them all (measured: 55 ms against 5 ms over 20,000 articles that all match).
    /// </summary>
    public const string MatchedRowInOrder = "+a.row IN (SELECT rowid FROM article_text WHERE article_text MATCH $match)";

    /// <summary>Title matches weigh most, then the summary, then the paragraphs.</summary>
    public const string RankOrder = "bm25(article_text, 10.0, 4.0, 1.0), a.row DESC";

    public const string NewestOrder = "a.submitted_at DESC, a.id";

    public const string AfterCursor = "(a.submitted_at < $after_at OR (a.submitted_at = $after_at AND a.id > $after_id))";
}
