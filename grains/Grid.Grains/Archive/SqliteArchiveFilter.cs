using System.Globalization;
using Grid.Abstractions.Articles;
using Microsoft.Data.Sqlite;

namespace Grid.Grains.Archive;

/// <summary>The rows of <c>article_index</c> a list query reads, as SQL: its filters, its order and where its cursor left off.</summary>
internal sealed class SqliteArchiveFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _parameters = [];
    private readonly string? _match;
    private readonly bool _byRank;
    private readonly long? _horizon;
    private readonly ArticleListCursor? _after;

    /// <summary>No filter but the search (and a rank order's horizon): then the full-text index alone may count it.</summary>
    private readonly bool _searchAlone;

    /// <param name="horizon">By rank: the newest row the pages may show (<see cref="ArticleListCursor.Horizon"/>).</param>
    /// <param name="serviceId">The cluster whose articles these are; the others sharing the file are never read.</param>
    public SqliteArchiveFilter(ArticleListQuery query, long? horizon, string serviceId)
    {
        _byRank = query.Sort == ArticleListSort.Rank;
        Add("a.service_id = $service", "$service", serviceId);
        if (query.Status is { } status)
            Add("a.status = $status", "$status", (int)status);
        if (query.Feed is { } feed)
            Add("a.feed = $feed", "$feed", feed);
        if (query.From is { } from)
            Add("a.submitted_at >= $from", "$from", from.UtcTicks);
        if (query.To is { } to)
            Add("a.submitted_at < $to", "$to", to.UtcTicks);
        if (horizon is { } newest)
            Add("a.row <= $horizon", "$horizon", newest);
        _horizon = horizon;
        if (query.Searches)
            _match = SearchTerms.Parse(query.Search).ToMatchExpression();
        _after = query.Cursor is { Sort: ArticleListSort.Newest } cursor ? cursor : null;
        _searchAlone = _match is not null && query is { Status: null, Feed: null, From: null, To: null };
    }

    /// <summary>Matches above which a page newest first walks the rows in order rather than sorting every match.</summary>
    private const int SortAtMost = 1000;

    /// <summary>Every matching article, wherever the cursor is: the list's total. Run in the page's read transaction.</summary>
    public async Task<int> CountAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        // The full-text index holds every service's texts, and only the rows say whose: counted with the rows, each match
        // is looked up among them. A file only this service writes (SQLite is one node's store) has a text for each of its
        // rows and no other, so there the full-text index counts alone.
        var sql = _searchAlone && !await SharedAsync(connection, transaction, cancellationToken)
            ? $"SELECT count(*) FROM article_text WHERE article_text MATCH $match{(_horizon is null ? "" : " AND rowid <= $horizon")};"
            : $"SELECT count(*) FROM article_index a {Where(_match is null ? _conditions : [.. _conditions, SqliteArchiveSql.MatchedRow])};";
        await using var command = Command(connection, sql);
        command.Transaction = transaction;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether another service has rows in the file (two seeks in the newest-first index).</summary>
    private async Task<bool> SharedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, SqliteArchiveSql.OtherServices);
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Up to <paramref name="limit"/> list lines (JSON), after the cursor, or from <paramref name="offset"/> without one.</summary>
    /// <param name="total">What <see cref="CountAsync"/> found: it decides how a search is walked.</param>
    public async Task<List<string>> PageAsync(SqliteConnection connection, SqliteTransaction transaction, long offset, int limit, int total, CancellationToken cancellationToken)
    {
        string sql;
        if (_byRank)
        {
            // bm25 needs the FTS row at hand, so the match is joined.
            sql = $"SELECT a.item FROM article_text JOIN article_index a ON a.row = article_text.rowid {Where([.. _conditions, "article_text MATCH $match"])} "
                + $"ORDER BY {SqliteArchiveSql.RankOrder} LIMIT $limit OFFSET $offset;";
        }
        else
        {
            // Newest first, the rows are walked in index order and the match is a filter on them.
            List<string> conditions = [.. _conditions];
            if (_match is not null)
                conditions.Add(total > SortAtMost ? SqliteArchiveSql.MatchedRowInOrder : SqliteArchiveSql.MatchedRow);
            if (_after is not null)
                conditions.Add(SqliteArchiveSql.AfterCursor);
            sql = $"SELECT a.item FROM article_index a {Where(conditions)} ORDER BY {SqliteArchiveSql.NewestOrder} LIMIT $limit OFFSET $offset;";
        }
        await using var command = Command(connection, sql);
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        if (_after is not null)
        {
            command.Parameters.AddWithValue("$after_at", _after.SubmittedAt.UtcTicks);
            command.Parameters.AddWithValue("$after_id", _after.Id);
        }
        var rows = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(reader.GetString(0));
        return rows;
    }

    private void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        _parameters.Add((name, value));
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    private SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = new SqliteCommand(sql, connection);
        foreach (var (name, value) in _parameters)
            command.Parameters.AddWithValue(name, value);
        if (_match is not null)
            command.Parameters.AddWithValue("$match", _match);
        return command;
    }
}
