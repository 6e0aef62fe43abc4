using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Postgres;
using Grid.Grains.Archive;
using Grid.Grains.Tests.Archive;
using Grid.Silo.Hosting.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
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

    private async Task<List<string>> IdsAsync(string search) =>
        [.. (await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: search))).Items.Select(item => item.Id)];
}
