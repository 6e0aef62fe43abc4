using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Postgres;
using Grid.Grains.Archive;
using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Grid.Grains.Tests.Archive.ArchiveArticles;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// A database whose article index was written before it was scoped by cluster, shared by two clusters: the schema script
/// that scopes it gives each row to the clusters that keep the article's grain state, and running it again changes nothing.
/// </summary>
public sealed class PostgresIndexScopeMigrationTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Scope = "7-ArticleIndexScope.sql";

    [Fact]
    public async Task EachClusterKeepsTheRowsOfTheArticlesItStoresAndTheScriptRunAgainChangesNothing()
    {
        var database = await postgres.CreateDatabaseAsync("index_scope");
        await using var data = NpgsqlDataSource.Create(database);
        await InstallUnscopedAsync(data);
        // Article 1 is cluster A's, 2 cluster B's, 3 both clusters' (the same text in each); nobody keeps a state for 4.
        foreach (var (n, word) in new[] { (1, "kirkuk"), (2, "basra"), (3, "mosul"), (4, "najaf") })
            await ExecuteAsync(data, "INSERT INTO grid_article_index (id, status, submitted_at, item, search) VALUES ($1, $2, $3, $4, to_tsvector('simple', $5))",
                IdOf(n), (short)ArticleStatus.Completed, SubmittedAt(n).UtcTicks, JsonSerializer.Serialize(Item(n), new JsonSerializerOptions(JsonSerializerDefaults.Web)), word);
        foreach (var (service, n) in new[] { ("cluster-a", 1), ("cluster-b", 2), ("cluster-a", 3), ("cluster-b", 3), ("cluster-a", 5) })
            await ExecuteAsync(data, "INSERT INTO OrleansStorage (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring, version) VALUES ($1, 'article', 0, 0, $2, 1)",
                service, IdOf(n));
        await ExecuteAsync(data, "INSERT INTO grid_article_index_removed (id, submitted_at) VALUES ($1, $2)", IdOf(5), SubmittedAt(5).UtcTicks);

        var applied = await new OrleansPostgresSchema(database, NullLogger<OrleansPostgresSchema>.Instance).ApplyAsync(CancellationToken.None);

        Assert.Equal(OrleansPostgresScripts.All.SkipWhile(script => script.Name != Scope).Select(script => script.Name), applied);
        await using (var a = new PostgresArticleIndex(database, "cluster-a", NullLogger<PostgresArticleIndex>.Instance))
        await using (var b = new PostgresArticleIndex(database, "cluster-b", NullLogger<PostgresArticleIndex>.Instance))
        {
            Assert.Equal([IdOf(3), IdOf(1)], await IdsAsync(a));
            Assert.Equal([IdOf(3), IdOf(2)], await IdsAsync(b));
            Assert.Equal([IdOf(1)], await IdsAsync(a, "kirkuk"));
            Assert.Equal([IdOf(3)], await IdsAsync(b, "mosul"));
            Assert.Empty(await IdsAsync(a, "najaf"));
            // Cluster A's deletion of article 5 still holds there; cluster B never had it, so a record of its own lands.
            await a.RecordAsync(Entry(5, body: "Karbala"));
            await b.RecordAsync(Entry(5, body: "Karbala"));
            Assert.Empty(await IdsAsync(a, "karbala"));
            Assert.Equal([IdOf(5)], await IdsAsync(b, "karbala"));
        }
        Assert.Equal(1L, await ScalarAsync(data, "SELECT count(*) FROM grid_article_index WHERE service_id = ''"));

        // The script itself is safe to run again (the schema records it too, and does not run it twice).
        var rows = await ScalarAsync(data, "SELECT count(*) FROM grid_article_index");
        await ExecuteAsync(data, OrleansPostgresScripts.All.Single(script => script.Name == Scope).Text);
        Assert.Equal(rows, await ScalarAsync(data, "SELECT count(*) FROM grid_article_index"));
        Assert.Empty(await new OrleansPostgresSchema(database, NullLogger<OrleansPostgresSchema>.Instance).ApplyAsync(CancellationToken.None));
    }

    /// <summary>Grid's schema as it was before scoping: every script before <see cref="Scope"/>, recorded as applied.</summary>
    private static async Task InstallUnscopedAsync(NpgsqlDataSource data)
    {
        await ExecuteAsync(data, "CREATE TABLE grid_schema_scripts (name text PRIMARY KEY, sha256 text NOT NULL, appliedon timestamptz NOT NULL DEFAULT now())");
        foreach (var script in OrleansPostgresScripts.All.TakeWhile(script => script.Name != Scope))
        {
            await ExecuteAsync(data, script.Text);
            await ExecuteAsync(data, "INSERT INTO grid_schema_scripts (name, sha256) VALUES ($1, $2)", script.Name, script.Sha256);
        }
    }

    private static async Task<List<string>> IdsAsync(IArticleIndex index, string? search = null) =>
        [.. (await index.ListAsync(new ArticleListQuery(PageSize: 100, Search: search))).Items.Select(item => item.Id)];

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql, params object[] parameters)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
