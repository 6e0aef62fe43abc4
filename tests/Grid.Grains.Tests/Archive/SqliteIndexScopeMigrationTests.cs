using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Grains.Archive;
using Grid.Grains.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using static Grid.Grains.Tests.Archive.ArchiveArticles;

namespace Grid.Grains.Tests.Archive;

/// <summary>An index file written before the index was scoped by cluster: the first cluster to open it keeps its articles, text and deletions.</summary>
public sealed class SqliteIndexScopeMigrationTests : IDisposable
{
    /// <summary>The tables as Grid made them before scoping, rows included: what an upgraded silo finds on its disk.</summary>
    private const string UnscopedSchema = """
        CREATE TABLE article_index (row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, status INTEGER NOT NULL, submitted_at INTEGER NOT NULL, item TEXT NOT NULL, feed TEXT);
        CREATE INDEX article_index_newest ON article_index (submitted_at DESC, id);
        CREATE INDEX article_index_status_newest ON article_index (status, submitted_at DESC, id);
        CREATE INDEX article_index_feed_newest ON article_index (feed, submitted_at DESC, id) WHERE feed IS NOT NULL;
        CREATE TABLE article_index_removed (id TEXT PRIMARY KEY, submitted_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE VIRTUAL TABLE article_text USING fts5 (title, summary, body, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2');
        """;

    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task TheFirstClusterToOpenAnUnscopedFileKeepsItsArticlesSearchableAndItsDeletionsAndOpensItAgainUnchanged()
    {
        await WriteUnscopedFileAsync();

        await using (var index = Open("grid"))
        {
            Assert.Equal([IdOf(12), IdOf(11)], await IdsAsync(index));
            Assert.Equal([IdOf(11)], await IdsAsync(index, "kirkuk"));
            Assert.Equal([IdOf(12)], await IdsAsync(index, "basra"));
            // Article 13 was deleted before the upgrade: a late record from before its deletion stays out.
            await index.RecordAsync(Entry(13, body: "Kirkuk"));
            Assert.Equal([IdOf(11)], await IdsAsync(index, "kirkuk"));
            // Version 0 for the rows carried over: the article's next record replaces its line.
            await index.RecordAsync(Entry(11, body: "Mosul", status: ArticleStatus.Failed) with { Version = 1 });
            Assert.Equal([IdOf(11)], await IdsAsync(index, "mosul"));
        }
        await using (var other = Open("other-cluster"))
            Assert.Empty(await IdsAsync(other));
        await using (var again = Open("grid"))
        {
            Assert.Equal([IdOf(12), IdOf(11)], await IdsAsync(again));
            Assert.Equal(ArticleStatus.Failed, (await again.ListAsync(new ArticleListQuery(Status: ArticleStatus.Failed))).Items.Single().Status);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }

    private SqliteArticleIndex Open(string serviceId) => new(_database.Path, serviceId, NullLogger<SqliteArticleIndex>.Instance);

    private static async Task<List<string>> IdsAsync(IArticleIndex index, string? search = null) =>
        [.. (await index.ListAsync(new ArticleListQuery(PageSize: 100, Search: search))).Items.Select(item => item.Id)];

    private async Task WriteUnscopedFileAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.Path)!);
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        await connection.OpenAsync();
        await Execute(connection, UnscopedSchema);
        foreach (var (n, row, text) in new[] { (11, 5L, "kirkuk"), (12, 9L, "basra") })
        {
            var item = JsonSerializer.Serialize(Item(n), new JsonSerializerOptions(JsonSerializerDefaults.Web));
            await Execute(connection, "INSERT INTO article_index (row, id, status, submitted_at, item) VALUES ($row, $id, $status, $at, $item);",
                ("$row", row), ("$id", IdOf(n)), ("$status", (int)ArticleStatus.Completed), ("$at", SubmittedAt(n).UtcTicks), ("$item", item));
            await Execute(connection, "INSERT INTO article_text (rowid, title, summary, body) VALUES ($row, '', '', $body);", ("$row", row), ("$body", text));
        }
        await Execute(connection, "INSERT INTO article_index_removed (id, submitted_at) VALUES ($id, $at);", ("$id", IdOf(13)), ("$at", SubmittedAt(13).UtcTicks));
    }

    private static async Task Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new SqliteCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
