using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Postgres;
using Grid.Grains.Archive;
using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Grid.Grains.Tests.Archive.ArchiveArticles;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// 8-ArticleIndexSearch.sql on a database that already holds articles: the search index takes the cluster's id in, and the
/// rank vector is made from the rows' own text, so articles recorded before it rank by their titles at once.
/// </summary>
public sealed class PostgresIndexSearchMigrationTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string Search = "8-ArticleIndexSearch.sql";

    [Fact]
    public async Task ArticlesRecordedBeforeTheScriptAreFoundByTheirOwnClusterAndRankedByTheirTitles()
    {
        var database = await postgres.CreateDatabaseAsync("index_search");
        await using var data = NpgsqlDataSource.Create(database);
        await InstallBeforeAsync(data);
        await using (var before = new PostgresArticleIndex(database, "cluster-a", NullLogger<PostgresArticleIndex>.Instance))
            await RecordAllAsync(before, [Entry(1, body: "Basra"), Entry(2, title: "Basra"), Entry(3, summary: "Basra"), Entry(4, body: "Mosul")]);

        var applied = await new OrleansPostgresSchema(database, NullLogger<OrleansPostgresSchema>.Instance).ApplyAsync(CancellationToken.None);

        Assert.Equal([Search], applied);
        Assert.Equal(1L, await ScalarAsync(data, "SELECT count(*) FROM pg_indexes WHERE indexname = 'grid_article_index_service_search'"));
        Assert.Equal(0L, await ScalarAsync(data, "SELECT count(*) FROM pg_indexes WHERE indexname = 'grid_article_index_search'"));
        await using (var after = new PostgresArticleIndex(database, "cluster-a", NullLogger<PostgresArticleIndex>.Instance))
        {
            var ranked = await after.ListAsync(new ArticleListQuery(Search: "basra", Sort: ArticleListSort.Rank));
            Assert.Equal([IdOf(2), IdOf(3), IdOf(1)], ranked.Items.Select(item => item.Id));
            await using var other = new PostgresArticleIndex(database, "cluster-b", NullLogger<PostgresArticleIndex>.Instance);
            Assert.Equal(0, (await other.ListAsync(new ArticleListQuery(Search: "basra"))).Total);
        }

        // The script itself is safe to run again.
        await using (var again = data.CreateCommand(OrleansPostgresScripts.All.Single(script => script.Name == Search).Text))
            await again.ExecuteNonQueryAsync();
        Assert.Equal(4L, await ScalarAsync(data, "SELECT count(*) FROM grid_article_index"));
    }

    /// <summary>Grid's schema as it was before this script: every script before it, recorded as applied.</summary>
    private static async Task InstallBeforeAsync(NpgsqlDataSource data)
    {
        await using (var table = data.CreateCommand("CREATE TABLE grid_schema_scripts (name text PRIMARY KEY, sha256 text NOT NULL, appliedon timestamptz NOT NULL DEFAULT now())"))
            await table.ExecuteNonQueryAsync();
        foreach (var script in OrleansPostgresScripts.All.TakeWhile(script => script.Name != Search))
        {
            await using (var run = data.CreateCommand(script.Text))
                await run.ExecuteNonQueryAsync();
            await using var record = data.CreateCommand("INSERT INTO grid_schema_scripts (name, sha256) VALUES ($1, $2)");
            record.Parameters.Add(new NpgsqlParameter { Value = script.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = script.Sha256 });
            await record.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
