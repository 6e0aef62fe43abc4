using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Grid.Abstractions.Articles;
using Grid.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Archive;

/// <summary>
/// The article index in a SQLite file with FTS5: no cap on its size, pages read by keyset (a cursor) or
/// by number, search in both languages. Writes from all the silo's articles go through one queue to one
/// writer, which stores whatever has gathered in one transaction (a group commit): an article waits for a
/// commit of its own, never for a grain, and a thousand articles recording at once cost a few commits.
/// Reads run beside the writer (WAL).
/// </summary>
public sealed partial class SqliteArticleIndex : IArticleIndex, IAsyncDisposable
{
    /// <summary>Changes waiting at most; past it a recording article waits for room (its own wait is bounded by its caller).</summary>
    private const int QueueBound = 4096;

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly string _connectionString;
    private readonly Channel<IndexWrite> _writes = Channel.CreateBounded<IndexWrite>(new BoundedChannelOptions(QueueBound) { SingleReader = true });
    private readonly SemaphoreSlim _setup = new(1, 1);
    private readonly ILogger<SqliteArticleIndex> _logger;
    private readonly Task _writer;
    private readonly string _serviceId;
    private volatile bool _ready;

    /// <param name="serviceId">The cluster's ServiceId: the rows this index reads and writes among those of every cluster sharing the file.</param>
    public SqliteArticleIndex(string path, string serviceId, ILogger<SqliteArticleIndex> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _serviceId = serviceId;
        FullPath = Path.GetFullPath(path);
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        _writer = Task.Run(() => IndexWrite.StoreInBatchesAsync(_writes.Reader, StoreAsync, LogWriteFailed));
    }

    public string FullPath { get; }

    public bool CanSearch => true;

    public async Task RecordAsync(ArticleIndexEntry entry, CancellationToken cancellationToken = default)
    {
        var write = new IndexWrite(entry);
        await _writes.Writer.WriteAsync(write, cancellationToken);
        await write.Stored.Task.WaitAsync(cancellationToken);
    }

    public async Task RemoveAsync(string id, DateTimeOffset submittedAt, CancellationToken cancellationToken = default)
    {
        var write = new IndexWrite(null, id, submittedAt);
        await _writes.Writer.WriteAsync(write, cancellationToken);
        await write.Stored.Task.WaitAsync(cancellationToken);
    }

    public async Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        // One read transaction (one snapshot of the file) for the count and the page, so the total agrees with what the pages hold.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var horizon = query.Sort == ArticleListSort.Rank ? query.Cursor?.Horizon ?? await HorizonAsync(connection, snapshot, cancellationToken) : (long?)null;
        var filter = new SqliteArchiveFilter(query, horizon, _serviceId);
        var total = await filter.CountAsync(connection, snapshot, cancellationToken);
        var offset = IndexPage.Offset(query);
        var rows = await filter.PageAsync(connection, snapshot, offset, query.PageSize + 1, total, cancellationToken);
        return IndexPage.From(query, rows, offset, horizon, total);
    }

    /// <summary>Creates the folder, the file and the tables if missing, and turns on WAL; once.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
            return;
        await _setup.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
                return;
            Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
            await using var connection = await OpenAsync(cancellationToken);
            await using (var wal = new SqliteCommand("PRAGMA journal_mode = WAL;", connection))
                await wal.ExecuteNonQueryAsync(cancellationToken);
            // One write transaction: a second index opening the file meanwhile (another cluster's) waits, then finds it ready.
            await using (var transaction = connection.BeginTransaction())
            {
                await ExecuteAsync(connection, transaction, SqliteArchiveSql.Tables, cancellationToken);
                if (await CountAsync(connection, transaction, SqliteArchiveSql.HasFeed, cancellationToken) == 0)
                    await ExecuteAsync(connection, transaction, SqliteArchiveSql.AddFeed, cancellationToken);
                if (await CountAsync(connection, transaction, SqliteArchiveSql.HasServiceId, cancellationToken) == 0)
                {
                    await ExecuteAsync(connection, transaction, SqliteArchiveSql.ScopeExisting, cancellationToken, ("$service", _serviceId));
                    LogScoped(FullPath, _serviceId);
                }
                await ExecuteAsync(connection, transaction, SqliteArchiveSql.Indexes, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            _ready = true;
            LogReady(FullPath);
        }
        finally
        {
            _setup.Release();
        }
    }

    /// <summary>Stores what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            LogStopTimedOut(FullPath, StopTimeout.TotalSeconds);
        }
        await using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _setup.Dispose();
    }

    private async Task StoreAsync(List<IndexWrite> batch)
    {
        await EnsureReadyAsync();
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        foreach (var write in batch)
        {
            if (write.Entry is { } entry)
                await UpsertAsync(connection, transaction, entry);
            else
                await RemoveAsync(connection, transaction, write.RemovedId!, write.RemovedSubmittedAt);
        }
        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, ArticleIndexEntry entry)
    {
        var item = entry.Item;
        await using var upsert = new SqliteCommand(SqliteArchiveSql.Upsert, connection, transaction);
        upsert.Parameters.AddWithValue("$service", _serviceId);
        upsert.Parameters.AddWithValue("$version", entry.Version);
        upsert.Parameters.AddWithValue("$id", item.Id);
        upsert.Parameters.AddWithValue("$status", (int)item.Status);
        upsert.Parameters.AddWithValue("$submitted_at", item.SubmittedAt.UtcTicks);
        upsert.Parameters.AddWithValue("$item", JsonSerializer.Serialize(item, IndexPage.Json));
        upsert.Parameters.AddWithValue("$feed", (object?)item.Feed ?? DBNull.Value);
        // No row back: the article was deleted after this record was made.
        if (await upsert.ExecuteScalarAsync() is not long row || entry.Text is not { } text)
            return;
        await using var replace = new SqliteCommand(SqliteArchiveSql.ReplaceText, connection, transaction);
        replace.Parameters.AddWithValue("$row", row);
        replace.Parameters.AddWithValue("$title", ArabicSearchNormalizer.Normalize(text.Title));
        replace.Parameters.AddWithValue("$summary", ArabicSearchNormalizer.Normalize(text.Summary));
        replace.Parameters.AddWithValue("$body", ArabicSearchNormalizer.Normalize(text.Body));
        await replace.ExecuteNonQueryAsync();
    }

    private async Task RemoveAsync(SqliteConnection connection, SqliteTransaction transaction, string id, DateTimeOffset submittedAt)
    {
        await using var remove = new SqliteCommand(SqliteArchiveSql.Remove, connection, transaction);
        remove.Parameters.AddWithValue("$service", _serviceId);
        remove.Parameters.AddWithValue("$id", id);
        remove.Parameters.AddWithValue("$submitted_at", submittedAt.UtcTicks);
        await remove.ExecuteNonQueryAsync();
    }

    private static async Task<long> HorizonAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(SqliteArchiveSql.Horizon, connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // NORMAL under WAL: a commit survives a killed process; only a power cut may take the last ones, and
    // every article records itself again when it next changes or is activated, so the index heals.
    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, BusyTimeout, "NORMAL", cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "The article index in {Path} was made before it was scoped by cluster: its articles are now service {ServiceId}'s")]
    private partial void LogScoped(string path, string serviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The article index is in {Path}")]
    private partial void LogReady(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} changes to the article index could not be stored ({Error}); their articles record themselves again when they next change")]
    private partial void LogWriteFailed(int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The article index in {Path} did not finish its queued writes within {Seconds} s of stopping")]
    private partial void LogStopTimedOut(string path, double seconds);
}
