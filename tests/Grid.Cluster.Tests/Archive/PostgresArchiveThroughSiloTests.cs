using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Postgres;

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
        var israel = await SubmitAsync(Article(seed: 601, "وقالت مصادر إن إسرائيل أبلغت الوسطاء بموقفها من الاتفاق."));
        var school = await SubmitAsync(Article(seed: 602, "وافتتحت وزارة التربية مدرسةً جديدة في حي الكرادة."));
        var neither = await SubmitAsync(Article(seed: 603, "وأعلنت البلدية عن خطة لتوسيع شبكة الطرق."));
        foreach (var id in new[] { israel, school, neither })
            await Http.WaitUntilFinishedAsync(id);

        var all = await ListAsync("/api/articles?status=completed");
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal([neither, school, israel], all.Ids());
        Assert.Equal([israel], (await ListAsync("/api/articles?q=" + Uri.EscapeDataString("اسرائيل"))).Ids());
        Assert.Equal([school], (await ListAsync("/api/articles?q=" + Uri.EscapeDataString("مدرسه") + "&sort=rank")).Ids());
        // The emulator's English is a transliteration of the Arabic: the word's English is found in the article's English paragraphs.
        var english = GridSettings.ExpectedEnglish("إسرائيل");
        Assert.Equal([israel], (await ListAsync($"/api/articles?q={Uri.EscapeDataString(english)}")).Ids());
        Assert.Empty((await ListAsync("/api/articles?q=" + Uri.EscapeDataString("اسرائيل مدرسه"))).Ids());
    }

    private static string Article(int seed, string paragraph)
    {
        var generated = GeneratedArticle.FromSeed(seed);
        return string.Join("\n\n", [generated.Title, generated.Paragraphs[0], paragraph, generated.Paragraphs[1]]);
    }

    private async Task<string> SubmitAsync(string text)
    {
        using var response = await Http.PostAsJsonAsync("/api/articles", new { text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> ListAsync(string url) => (await Http.GetFromJsonAsync<JsonObject>(url))!;
}
