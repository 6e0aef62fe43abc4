using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Postgres;
using Grid.Grains.Archive;
using Grid.Grains.Tests.Archive;
using Grid.Silo.Hosting.Postgres;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Grid.Grains.Tests.Archive.ArchiveArticles;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// The article index contract on a real PostgreSQL, in a database of each test's own set up by the silo's own schema
/// scripts; then what only PostgreSQL's full text needs shown: the two languages' words in one search, each read its way.
/// </summary>
public sealed class PostgresArticleIndexTests(PostgresServerFixture postgres) : ArticleIndexContract, IClassFixture<PostgresServerFixture>
{
    private string _database = "";

    protected override async Task<IArticleIndex> CreateAsync()
    {
        _database = await postgres.CreateDatabaseAsync("archive");
        await new OrleansPostgresSchema(_database, NullLogger<OrleansPostgresSchema>.Instance).ApplyAsync(CancellationToken.None);
        return await ReopenAsync();
    }

    protected override Task<IArticleIndex> ReopenAsync() => OpenBesideAsync(ServiceId);

    protected override Task<IArticleIndex> OpenBesideAsync(string serviceId) =>
        Task.FromResult<IArticleIndex>(new PostgresArticleIndex(_database, serviceId, NullLogger<PostgresArticleIndex>.Instance));

    protected override async Task CloseAsync(IArticleIndex index) => await ((PostgresArticleIndex)index).DisposeAsync();

    [Fact]
    public async Task ASearchOfAnArabicAndAnEnglishWordFindsOnlyArticlesWithBothEachReadItsOwnWay()
    {
        await RecordAllAsync(Index, [
            Entry(1, body: "أعلنت الحكومة العراقية نتائج الانتخابات.\nThe government announced the election results."),
            Entry(2, body: "أعلنت الحكومة العراقية موازنة جديدة.\nThe government announced a new budget."),
            Entry(3, body: "عقدت الانتخابات في موعدها.\nThe elections were held on time."),
        ]);

        // An Arabic word spelled with a plain alef as the text's hamza form, an English word in another form than the text's.
        Assert.Equal([IdOf(1)], await IdsAsync("اعلنت electing"));
        Assert.Equal([IdOf(2), IdOf(1)], await IdsAsync("\"الحكومة العراقية\" announcing"));
        // English words that are only stop words leave the Arabic to find.
        Assert.Equal([IdOf(3), IdOf(1)], await IdsAsync("the الانتخابات"));
    }

    [Fact]
    public async Task ASearchNeverReadsAnotherClustersRows()
    {
        var other = await OpenBesideAsync("other-cluster");
        try
        {
            // The other cluster holds most of the matches, and this one many articles without the word: read row by row
            // (whether found by the word or by the cluster), the rows of either would be most of the work.
            await RecordAllAsync(other, Enumerable.Range(1, 500).Select(n => Entry(n, body: "Kirkuk oil")));
            await RecordAllAsync(Index, Enumerable.Range(1001, 3000).Select(n => Entry(n, body: "Basra port")));
            await RecordAllAsync(Index, Enumerable.Range(5001, 5).Select(n => Entry(n, body: "Kirkuk oil")));

            var found = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: "kirkuk"));
            Assert.Equal(Enumerable.Range(5001, 5).Reverse().Select(IdOf), found.Items.Select(item => item.Id));
            Assert.Equal(5, found.Total);

            // The count as the index runs it: whichever index the planner takes, the cluster is part of what it looks up
            // (so no row of another cluster comes out of it), and no row is read only to be dropped for its cluster.
            var plan = await PlanOfCountAsync(new ArticleListQuery(Search: "kirkuk"));
            var nodes = Nodes(plan).ToList();
            var scans = nodes.Where(node => ((string?)node["Node Type"])!.Contains("Index Scan", StringComparison.Ordinal)).ToList();
            Assert.True(scans.Count > 0 && scans.All(scan => ((string?)scan["Index Cond"] ?? "").Contains("service_id", StringComparison.Ordinal)),
                $"A search read its rows from an index without its cluster: {plan.ToJsonString()}");
            Assert.DoesNotContain(nodes, node => ((string?)node["Filter"] ?? "").Contains("service_id", StringComparison.Ordinal));
            Assert.True(scans.Sum(scan => (int)scan["Actual Rows"]!) <= 3005, plan.ToJsonString());
        }
        finally
        {
            await CloseAsync(other);
        }
    }

    [Fact]
    public async Task ByRankTitlesComeFirstThenSummariesThenParagraphMatchesNewestFirst()
    {
        await RecordAllAsync(Index, [
            Entry(1, body: "Basra Basra Basra Basra"),
            Entry(2, summary: "Talks in Basra."),
            Entry(3, body: "Basra"),
            Entry(4, title: "Basra port"),
            Entry(5, body: "Port of Basra"),
            Entry(6, title: "Basra port reopens", summary: "Basra and Umm Qasr"),
            Entry(7, body: "Nothing here"),
        ]);

        var ranked = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: "basra port", Sort: ArticleListSort.Rank));
        // Both words are required to match; the words found in a title or summary make the order.
        Assert.Equal([IdOf(6), IdOf(4), IdOf(5)], ranked.Items.Select(item => item.Id));
        var one = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: "basra", Sort: ArticleListSort.Rank));
        Assert.Equal([IdOf(6), IdOf(4), IdOf(2), IdOf(5), IdOf(3), IdOf(1)], one.Items.Select(item => item.Id));
    }

    private async Task<JsonNode> PlanOfCountAsync(ArticleListQuery query)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        // Statistics as a live table has them, so that the plan is the one the planner would choose for real.
        await using (var analyze = new NpgsqlCommand("ANALYZE grid_article_index", connection))
            await analyze.ExecuteNonQueryAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // As the index counts a search: no sequential scan, the planner's own choice among the indexes.
        await using (var setting = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection))
            await setting.ExecuteNonQueryAsync();
        await using var count = new PostgresArchiveFilter(query, horizon: null, ServiceId).CountCommand(connection);
        count.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + count.CommandText;
        return JsonNode.Parse((string)(await count.ExecuteScalarAsync())!)![0]!["Plan"]!;
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode plan) =>
        [plan, .. (plan["Plans"]?.AsArray() ?? []).SelectMany(child => Nodes(child!))];

    private async Task<List<string>> IdsAsync(string search) =>
        [.. (await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: search))).Items.Select(item => item.Id)];
}
