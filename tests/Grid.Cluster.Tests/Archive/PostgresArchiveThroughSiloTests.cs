using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Postgres;
using Grid.Grains.Archive;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Grid.Cluster.Tests.Archive.ArchiveRequests;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// A silo with <c>Grid:Storage=Postgres</c> on a real PostgreSQL: real articles submitted over HTTP and translated by the
/// emulator, then listed and searched in the PostgreSQL index (not the capped catalog grain), and filtered by feed.
/// </summary>
public sealed class PostgresArchiveThroughSiloTests(PostgresServerFixture postgres) : FeedFilterThroughSiloTests, IClassFixture<PostgresServerFixture>
{
    private string _database = "";
    private string _clusterId = "";

    protected override async Task StoreAsync(Dictionary<string, string?> settings)
    {
        settings["Grid:Storage"] = "Postgres";
        settings["Grid:Postgres"] = _database = await postgres.CreateDatabaseAsync("archive_silo");
        settings["Grid:ClusterId"] = _clusterId = $"grid-archive-{Guid.NewGuid():N}"[..26];
    }

    [Fact]
    public async Task ARecordOfAnEarlierStateFromAnotherSiloArrivingLateLeavesTheFinishedArticleAsItIs()
    {
        var id = await Http.SubmitTextAsync(Article(seed: 604, "وأكد المتحدث أن المفاوضات ستستأنف الأسبوع المقبل."));
        await Http.WaitUntilFinishedAsync(id);
        await using var data = NpgsqlDataSource.Create(_database);
        await using var read = data.CreateCommand("SELECT version FROM grid_article_index WHERE service_id = $1 AND id = $2");
        read.Parameters.Add(new NpgsqlParameter { Value = _clusterId });
        read.Parameters.Add(new NpgsqlParameter { Value = id });
        var version = (long)(await read.ExecuteScalarAsync())!;
        // Stored, then completed (the progress between may share writes): each a new line, each a higher version.
        Assert.True(version >= 2, $"the finished article's row has version {version}");

        // Another silo of the cluster, which held the article before, stores its record of the article still translating.
        await using (var earlierSilo = new PostgresArticleIndex(_database, _clusterId, NullLogger<PostgresArticleIndex>.Instance))
        {
            var stale = Grid.Grains.Tests.Archive.ArchiveArticles.Item(1, ArticleStatus.Translating) with { Id = id };
            await earlierSilo.RecordAsync(new ArticleIndexEntry(stale, new ArticleSearchText("", "", "Zarqawi"), version - 1));
        }

        var listed = await Http.ListAsync("/api/articles");
        Assert.Equal([id], listed.Ids());
        Assert.Equal("completed", listed["items"]![0]!["status"]!.GetValue<string>());
        Assert.Empty((await Http.ListAsync("/api/articles?q=zarqawi")).Ids());
    }

    [Fact]
    public async Task ArticlesAreListedAndFoundByAnArabicWordInAnotherSpellingAndByTheirEnglish()
    {
        var israel = await Http.SubmitTextAsync(Article(seed: 601, "وقالت مصادر إن إسرائيل أبلغت الوسطاء بموقفها من الاتفاق."));
        var school = await Http.SubmitTextAsync(Article(seed: 602, "وافتتحت وزارة التربية مدرسةً جديدة في حي الكرادة."));
        var neither = await Http.SubmitTextAsync(Article(seed: 603, "وأعلنت البلدية عن خطة لتوسيع شبكة الطرق."));
        foreach (var id in new[] { israel, school, neither })
            await Http.WaitUntilFinishedAsync(id);
        await Http.WaitUntilListedAsync(israel, school, neither);

        var all = await Http.ListAsync("/api/articles?status=completed");
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal([neither, school, israel], all.Ids());
        Assert.Equal([israel], (await Http.ListAsync("/api/articles?q=" + Uri.EscapeDataString("اسرائيل"))).Ids());
        Assert.Equal([school], (await Http.ListAsync("/api/articles?q=" + Uri.EscapeDataString("مدرسه") + "&sort=rank")).Ids());
        // The emulator's English is a transliteration of the Arabic: the word's English is found in the article's English paragraphs.
        var english = GridSettings.ExpectedEnglish("إسرائيل");
        Assert.Equal([israel], (await Http.ListAsync($"/api/articles?q={Uri.EscapeDataString(english)}")).Ids());
        Assert.Empty((await Http.ListAsync("/api/articles?q=" + Uri.EscapeDataString("اسرائيل مدرسه"))).Ids());
    }
}
