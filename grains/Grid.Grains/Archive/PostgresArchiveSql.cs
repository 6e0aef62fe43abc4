namespace Grid.Grains.Archive;

/// <summary>
/// The statements on the article index's tables in PostgreSQL (made by the silo's schema scripts <c>6-ArticleIndex.sql</c>
/// and <c>7-ArticleIndexScope.sql</c>). Every statement is scoped by the cluster's ServiceId: clusters sharing a database
/// never see each other's articles.
/// </summary>
internal static class PostgresArchiveSql
{
    /// <summary>Title, summary and paragraphs weighted A, B and C; in each, the Arabic words as they are and the others stemmed as English.</summary>
    private const string Vector = """
        setweight(to_tsvector('english'::regconfig, $6) || to_tsvector('simple'::regconfig, $7), 'A')
        || setweight(to_tsvector('english'::regconfig, $8) || to_tsvector('simple'::regconfig, $9), 'B')
        || setweight(to_tsvector('english'::regconfig, $10) || to_tsvector('simple'::regconfig, $11), 'C')
        """;

    /// <summary>
    /// $1 id, $2 status, $3 submitted at, $4 feed, $5 list line, $6-$11 the text by part and script, $12 whether the text
    /// came with this record (without it the vector stays as the last record with text left it), $13 the service, $14 the
    /// record's version. A record from before a deletion (submitted no later than the deleted article) stays out, and so
    /// does one older than the row (a lower version: made for an earlier state, by a silo whose write came late).
    /// </summary>
    public const string Upsert = $"""
        INSERT INTO grid_article_index AS a (service_id, id, version, status, submitted_at, feed, item, search)
        SELECT $13, $1, $14, $2, $3, $4, $5, CASE WHEN $12 THEN {Vector} ELSE ''::tsvector END
        WHERE NOT EXISTS (SELECT 1 FROM grid_article_index_removed r WHERE r.service_id = $13 AND r.id = $1 AND r.submitted_at >= $3)
        ON CONFLICT (service_id, id) DO UPDATE SET version = excluded.version, status = excluded.status, submitted_at = excluded.submitted_at,
            feed = excluded.feed, item = excluded.item, search = CASE WHEN $12 THEN excluded.search ELSE a.search END
        WHERE a.version <= excluded.version
        """;

    /// <summary>$1 id, $2 the deleted copy's submission time, $3 the service.</summary>
    public const string RememberRemoved = """
        INSERT INTO grid_article_index_removed AS r (service_id, id, submitted_at) VALUES ($3, $1, $2)
        ON CONFLICT (service_id, id) DO UPDATE SET submitted_at = greatest(r.submitted_at, excluded.submitted_at)
        """;

    public const string Remove = "DELETE FROM grid_article_index WHERE service_id = $3 AND id = $1 AND submitted_at <= $2";

    /// <summary>Over every service's rows: a bound on the row numbers a page may show, which other services' rows do not change.</summary>
    public const string Horizon = "SELECT coalesce(max(seq), 0) FROM grid_article_index";

    /// <summary>
    /// ts_rank's weights for D, C, B, A over the title (A) and summary (B) alone (<c>search_head</c>, 8-ArticleIndexSearch.sql),
    /// with any of the searched words (@query): title matches weigh most, then the summary; matches in the paragraphs alone
    /// follow, newest first. Scoring the paragraphs too would unpack every match's whole vector, kept out of line (several KB
    /// each): 2.5 s for 17,000 matches against 0.19 s, measured over 20,000 articles. Under these weights one word in a
    /// title or summary already outranks any count of it in the paragraphs alone.
    /// </summary>
    public const string RankOrder = "ts_rank('{0.1, 0.1, 0.4, 1.0}', a.search_head, @query) DESC, a.submitted_at DESC, a.id";

    public const string NewestOrder = "a.submitted_at DESC, a.id";

    /// <summary>The first part alone is a range on the newest-first index; the second settles rows submitted in the same tick.</summary>
    public const string AfterCursor = "a.submitted_at <= @after_at AND (a.submitted_at < @after_at OR a.id > @after_id)";
}
