using System.Collections.Immutable;
using System.Data;
using System.Text.Json;
using System.Threading.Channels;
using Grid.Abstractions.Articles;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Grid.Grains.Archive;

/// <summary>
/// The article index of <c>Grid:Storage=Postgres</c>: a table beside the grain state, shared by every silo, with a
/// <c>tsvector</c> of each article's text under a GIN index. No cap on its size, pages read by keyset (a cursor) or by
/// number, search in both languages: Arabic normalized by Grid and indexed word for word, other words stemmed as English.
/// Each silo's articles record through a few queues, an article always through the same one (by its id), each with one
/// writer that sends whatever has gathered as one batch in one transaction (a group commit), in the order it came: an
/// article's records, made one after another by its one activation, are stored in that order (writers never touch
/// the same rows, so they neither wait on each other nor deadlock), and a removal remembers the deleted article's submission time so that no
/// record from before it brings the article back. The tables come with the silo's schema scripts (<c>6-ArticleIndex.sql</c>).
/// </summary>
public sealed partial class PostgresArticleIndex : IArticleIndex, IAsyncDisposable
{
    /// <summary>Changes waiting at most in each queue; past it a recording article waits for room (its own wait is bounded by its caller).</summary>
    private const int QueueBound = 1024;

    /// <summary>
    /// Writers, each with its queue and at most one connection: the text's vector is made by the server as it stores a
    /// record (a few milliseconds of CPU for a long article), so a few writers use a few of the server's cores.
    /// </summary>
    private const int Writers = 4;

    /// <summary>Connections the index keeps at most, reads and the writers together; a read past them waits for one (bounded by <see cref="ConnectTimeout"/>).</summary>
    public const int MaxConnections = 16;

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _database;
    private readonly Channel<IndexWrite>[] _queues = [.. Enumerable.Range(0, Writers)
        .Select(_ => Channel.CreateBounded<IndexWrite>(new BoundedChannelOptions(QueueBound) { SingleReader = true }))];
    private readonly ILogger<PostgresArticleIndex> _logger;
    private readonly Task[] _writers;
    private readonly string _serviceId;

    /// <param name="serviceId">The cluster's ServiceId: the rows this index reads and writes among those of every cluster sharing the database.</param>
    public PostgresArticleIndex(string connectionString, string serviceId, ILogger<PostgresArticleIndex> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _serviceId = serviceId;
        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = MaxConnections,
            MinPoolSize = 0,
            Timeout = (int)ConnectTimeout.TotalSeconds,
            CommandTimeout = (int)CommandTimeout.TotalSeconds,
        };
        _database = NpgsqlDataSource.Create(settings);
        _logger = logger;
        _writers = [.. _queues.Select(queue => Task.Run(() => IndexWrite.StoreInBatchesAsync(queue.Reader, StoreAsync, LogWriteFailed)))];
    }

    public bool CanSearch => true;

    public Task RecordAsync(ArticleIndexEntry entry, CancellationToken cancellationToken = default) =>
        QueueAsync(entry.Item.Id, new IndexWrite(entry), cancellationToken);

    public Task RemoveAsync(string id, DateTimeOffset submittedAt, CancellationToken cancellationToken = default) =>
        QueueAsync(id, new IndexWrite(null, id, submittedAt), cancellationToken);

    public async Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        // One snapshot for the count and the page, so the total agrees with what the pages hold.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var horizon = query.Sort == ArticleListSort.Rank ? query.Cursor?.Horizon ?? await HorizonAsync(connection, cancellationToken) : (long?)null;
        var filter = new PostgresArchiveFilter(query, horizon, _serviceId);
        var total = await filter.CountAsync(connection, cancellationToken);
        var offset = IndexPage.Offset(query);
        var rows = await filter.PageAsync(connection, offset, query.PageSize + 1, total, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);
        return IndexPage.From(query, rows, offset, horizon, total);
    }

    /// <summary>Stores what is queued, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
            queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_writers).WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            LogStopTimedOut(StopTimeout.TotalSeconds);
        }
        await _database.DisposeAsync();
    }

    private async Task QueueAsync(string id, IndexWrite write, CancellationToken cancellationToken)
    {
        // The same queue for the same id within this process: only this silo's order matters.
        var queue = _queues[(StringComparer.Ordinal.GetHashCode(id) & int.MaxValue) % Writers];
        await queue.Writer.WriteAsync(write, cancellationToken);
        await write.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task StoreAsync(List<IndexWrite> batch)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var write in batch)
        {
            if (write.Entry is { } entry)
                statements.BatchCommands.Add(Upsert(entry, _serviceId));
            else
            {
                statements.BatchCommands.Add(Removal(PostgresArchiveSql.RememberRemoved, write.RemovedId!, write.RemovedSubmittedAt, _serviceId));
                statements.BatchCommands.Add(Removal(PostgresArchiveSql.Remove, write.RemovedId!, write.RemovedSubmittedAt, _serviceId));
            }
        }
        await statements.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand Upsert(ArticleIndexEntry entry, string serviceId)
    {
        var item = entry.Item;
        var text = entry.Text;
        var (title, summary, body) = text is null
            ? (Empty, Empty, Empty)
            : (Scripts(text.Title), Scripts(text.Summary), Scripts(text.Body));
        var command = new NpgsqlBatchCommand(PostgresArchiveSql.Upsert);
        command.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = item.Id });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)item.Status });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = item.SubmittedAt.UtcTicks });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)item.Feed ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(item, IndexPage.Json) });
        foreach (var part in new[] { title, summary, body })
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = part.Other });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = part.Arabic });
        }
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = text is not null });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Version });
        return command;
    }

    private static readonly SearchScripts Empty = new("", "");

    private static SearchScripts Scripts(string text) => SearchScripts.Of(ArabicSearchNormalizer.Normalize(text));

    private static NpgsqlBatchCommand Removal(string sql, string id, DateTimeOffset submittedAt, string serviceId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = submittedAt.UtcTicks });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        return command;
    }

    private static async Task<long> HorizonAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresArchiveSql.Horizon, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} changes to the article index could not be stored in PostgreSQL ({Error}); their articles record themselves again when they next change")]
    private partial void LogWriteFailed(int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The article index did not finish its queued writes to PostgreSQL within {Seconds} s of stopping")]
    private partial void LogStopTimedOut(double seconds);
}
