using Grid.Abstractions.Articles;
using Npgsql;

namespace Grid.Grains.Archive;

/// <summary>The rows of <c>grid_article_index</c> a list query reads, as SQL: its filters, its search, its order and where its cursor left off.</summary>
internal sealed class PostgresArchiveFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _parameters = [];
    private readonly List<(string Condition, (string Name, object Value)[] Parameters)> _pageConditions = [];
    private readonly string? _query;
    private readonly string? _anyWord;
    private readonly bool _byRank;

    /// <param name="horizon">By rank: the newest row the pages may show (<see cref="ArticleListCursor.Horizon"/>).</param>
    /// <param name="serviceId">The cluster whose articles these are; the others sharing the database are never read.</param>
    public PostgresArchiveFilter(ArticleListQuery query, long? horizon, string serviceId)
    {
        _byRank = query.Sort == ArticleListSort.Rank;
        Add("a.service_id = @service", ("service", serviceId));
        if (query.Status is { } status)
            Add("a.status = @status", ("status", (short)status));
        if (query.Feed is { } feed)
            Add("a.feed = @feed", ("feed", feed));
        if (query.From is { } from)
            Add("a.submitted_at >= @from", ("from", from.UtcTicks));
        if (query.To is { } to)
            Add("a.submitted_at < @to", ("to", to.UtcTicks));
        if (horizon is { } newest)
            Add("a.seq <= @horizon", ("horizon", newest));
        if (query.Searches)
        {
            (_query, _anyWord) = TsQueries(SearchTerms.Parse(query.Search));
            _conditions.Add($"a.search @@ {_query}");
        }
        if (query.Cursor is { Sort: ArticleListSort.Newest } after)
            _pageConditions.Add((PostgresArchiveSql.AfterCursor, [("after_at", after.SubmittedAt.UtcTicks), ("after_id", after.Id)]));
    }

    /// <summary>Matches above which a page newest first walks the rows in order rather than sorting every match.</summary>
    private const int SortAtMost = 5000;

    /// <summary>Every matching article, wherever the cursor is: the list's total. Run inside a transaction (its settings last until its end).</summary>
    public async Task<int> CountAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // An article's vector is long and kept out of line (TOAST), which the planner does not price: to it a scan of
        // every row looks cheaper than the GIN index, though each row it tests must be fetched and unpacked.
        if (_query is not null)
            await SetAsync(connection, "SET LOCAL enable_seqscan = off", cancellationToken);
        await using var command = CountCommand(connection);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The statement <see cref="CountAsync"/> runs, with its parameters: for a test to see how PostgreSQL plans it.</summary>
    internal NpgsqlCommand CountCommand(NpgsqlConnection connection) =>
        Command(connection, $"SELECT count(*) FROM grid_article_index a {Where(_conditions)}", _parameters);

    /// <summary>Up to <paramref name="limit"/> list lines (JSON), after the cursor, or from <paramref name="offset"/> without one.</summary>
    /// <param name="total">What <see cref="CountAsync"/> found: it decides how a search is read.</param>
    public async Task<List<string>> PageAsync(NpgsqlConnection connection, long offset, int limit, int total, CancellationToken cancellationToken)
    {
        // A search newest first: many matches are met soon walking the rows newest first, and few are found at once in
        // the GIN index and sorted. By rank every match is scored, so they are all found in the index.
        if (_query is not null)
            await SetAsync(connection, !_byRank && total > SortAtMost ? "SET LOCAL enable_bitmapscan = off" : "SET LOCAL enable_indexscan = off", cancellationToken);
        List<string> conditions = [.. _conditions, .. _pageConditions.Select(page => page.Condition)];
        var order = _byRank ? PostgresArchiveSql.RankOrder.Replace("@query", _anyWord, StringComparison.Ordinal) : PostgresArchiveSql.NewestOrder;
        var sql = $"SELECT a.item FROM grid_article_index a {Where(conditions)} ORDER BY {order} LIMIT @limit OFFSET @offset";
        await using var command = Command(connection, sql, [.. _parameters, .. _pageConditions.SelectMany(page => page.Parameters), ("limit", limit), ("offset", offset)]);
        var rows = new List<string>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>
    /// Every phrase required (what an article must hold to match), and any of them (what ranks a match): each run of one
    /// script in a phrase as a phrase of that script's configuration, so the words are treated as they were when indexed
    /// (Arabic as normalized, the rest stemmed as English).
    /// </summary>
    private (string All, string Any) TsQueries(SearchTerms terms)
    {
        var parts = new List<string>();
        foreach (var phrase in terms.Phrases)
        {
            foreach (var (arabic, words) in Runs(phrase.Split(' ')))
            {
                var name = $"q{_parameters.Count}";
                _parameters.Add((name, string.Join(' ', words)));
                parts.Add($"phraseto_tsquery('{(arabic ? "simple" : "english")}'::regconfig, @{name})");
            }
        }
        return ("(" + string.Join(" && ", parts) + ")", "(" + string.Join(" || ", parts) + ")");
    }

    private static IEnumerable<(bool Arabic, List<string> Words)> Runs(IEnumerable<string> words)
    {
        (bool Arabic, List<string> Words)? run = null;
        foreach (var word in words)
        {
            var arabic = SearchScripts.IsArabic(word);
            if (run is { } current && current.Arabic == arabic)
            {
                current.Words.Add(word);
                continue;
            }
            if (run is { } finished)
                yield return finished;
            run = (arabic, [word]);
        }
        if (run is { } last)
            yield return last;
    }

    private static async Task SetAsync(NpgsqlConnection connection, string setting, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(setting, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Add(string condition, (string Name, object Value) parameter)
    {
        _conditions.Add(condition);
        _parameters.Add(parameter);
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
