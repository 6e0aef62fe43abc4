using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Postgres;
using static Grid.Cluster.Tests.Archive.ArchiveRequests;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// A silo with <c>Grid:Storage=Postgres</c> on a real PostgreSQL: real articles submitted over HTTP and translated by the
/// emulator, then listed and searched in the PostgreSQL index (not the capped catalog grain), and filtered by feed.
/// </summary>
public sealed class PostgresArchiveThroughSiloTests(PostgresServerFixture postgres) : FeedFilterThroughSiloTests, IClassFixture<PostgresServerFixture>
{
    protected override async Task StoreAsync(Dictionary<string, string?> settings)
    {
        settings["Grid:Storage"] = "Postgres";
        settings["Grid:Postgres"] = await postgres.CreateDatabaseAsync("archive_silo");
        settings["Grid:ClusterId"] = $"grid-archive-{Guid.NewGuid():N}"[..26];
    }

    [Fact]
    public async Task ArticlesAreListedAndFoundByAnArabicWordInAnotherSpellingAndByTheirEnglish()
    {
        var israel = await Http.SubmitTextAsync(Article(seed: 601, "وقالت مصادر إن إسرائيل أبلغت الوسطاء بموقفها من الاتفاق."));
        var school = await Http.SubmitTextAsync(Article(seed: 602, "وافتتحت وزارة التربية مدرسةً جديدة في حي الكرادة."));
        var neither = await Http.SubmitTextAsync(Article(seed: 603, "وأعلنت البلدية عن خطة لتوسيع شبكة الطرق."));
        foreach (var id in new[] { israel, school, neither })
            await Http.WaitUntilFinishedAsync(id);

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
