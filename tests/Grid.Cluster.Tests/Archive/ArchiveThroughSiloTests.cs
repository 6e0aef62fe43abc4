using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Client;
using Grid.Client.Http;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Cli;
using Grid.Cluster.Tests.Http;
using static Grid.Cluster.Tests.Archive.ArchiveRequests;

namespace Grid.Cluster.Tests.Archive;

/// <summary>The archive end to end on the SQLite default: real articles submitted, translated by the emulator, then listed and searched.</summary>
public sealed class ArchiveThroughSiloTests(ArchiveSiloFixture fixture) : IClassFixture<ArchiveSiloFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task ArticlesAreFoundByAnArabicWordInAnotherSpellingAndByTheirEnglishAndNoOthersAre()
    {
        var israel = await Http.SubmitTextAsync(Article(seed: 501, "وقالت مصادر إن إسرائيل أبلغت الوسطاء بموقفها من الاتفاق."));
        var school = await Http.SubmitTextAsync(Article(seed: 502, "وافتتحت وزارة التربية مدرسةً جديدة في حي الكرادة."));
        var neither = await Http.SubmitTextAsync(Article(seed: 503, "وأعلنت البلدية عن خطة لتوسيع شبكة الطرق."));
        foreach (var id in new[] { israel, school, neither })
            await Http.WaitUntilFinishedAsync(id);
        await Http.WaitUntilListedAsync(israel, school, neither);

        Assert.Equal([israel], (await Http.ListAsync("/api/articles?q=اسرائيل")).Ids());
        Assert.Equal([school], (await Http.ListAsync("/api/articles?q=" + Uri.EscapeDataString("مدرسه"))).Ids());
        // The emulator's English is a transliteration of the Arabic: the word's English is found in the article's English paragraphs.
        var english = GridSettings.ExpectedEnglish("إسرائيل");
        var article = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{israel}"))!;
        Assert.Contains(article["paragraphs"]!.AsArray(), paragraph => paragraph!["en"]!.GetValue<string>().Contains(english));
        Assert.Equal([israel], (await Http.ListAsync($"/api/articles?q={Uri.EscapeDataString(english)}")).Ids());
        Assert.Empty((await Http.ListAsync("/api/articles?q=" + Uri.EscapeDataString("اسرائيل مدرسه"))).Ids());
    }

    [Fact]
    public async Task ASearchIsPagedByItsNextAddressWhichKeepsTheSearchAndTheStatus()
    {
        var ids = new List<string>();
        foreach (var seed in new[] { 511, 512, 513 })
            ids.Add(await Http.SubmitTextAsync(Article(seed, "وتحدث المسؤول عن ميناء الفاو الكبير.")));
        foreach (var id in ids)
            await Http.WaitUntilFinishedAsync(id);

        var seen = new List<string>();
        string? next = "/api/articles?q=" + Uri.EscapeDataString("الفاو") + "&status=completed&pageSize=1";
        while (next is not null)
        {
            var page = await Http.ListAsync(next);
            Assert.Equal(3, page["total"]!.GetValue<int>());
            seen.AddRange(page.Ids());
            next = page["next"]?.GetValue<string>();
            Assert.True(next is null || (next.Contains("q=") && next.Contains("status=completed")), next);
        }
        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Fact]
    public async Task TheClusterClientAndTheCommandLineSearchTheSameIndex()
    {
        var id = await Http.SubmitTextAsync(Article(seed: 521, "وزار الوفد مصفاة بيجي شمال البلاد."));
        await Http.WaitUntilFinishedAsync(id);

        var page = await fixture.Grid.ListAsync(new ArticleListQuery(Search: "بيجى", Status: ArticleStatus.Completed));
        Assert.Equal([id], page.Items.Select(item => item.Id));

        var listed = await GridCliProcess.RunAsync("list", "--search", "بيجي", "--json", "--gateway-port", fixture.Silo.GatewayPort.ToString());
        Assert.True(listed.ExitCode == 0, listed.Output + listed.Errors);
        Assert.Equal(id, Assert.Single(JsonNode.Parse(listed.Output)!["items"]!.AsArray())!["id"]!.GetValue<string>());
        var overHttp = await GridCliProcess.RunAsync("list", "--search", "مصفاه", "--url", fixture.Silo.Address.ToString());
        Assert.True(overHttp.ExitCode == 0, overHttp.Output + overHttp.Errors);
        Assert.Contains(id, overHttp.Output);
    }

    [Fact]
    public async Task BothClientsFollowASearchPageByPageWithItsCursor()
    {
        var ids = new List<string>();
        foreach (var seed in new[] { 541, 542, 543 })
            ids.Add(await Http.SubmitTextAsync(Article(seed, "وعاد الزوار إلى مرقد سامراء بعد الترميم.")));
        foreach (var id in ids)
            await Http.WaitUntilFinishedAsync(id);
        using var http = fixture.Silo.CreateClient();
        IGridClient[] clients = [fixture.Grid, new GridHttpClient(http)];

        foreach (var client in clients)
        {
            var seen = new List<string>();
            var page = await client.ListAsync(new ArticleListQuery(PageSize: 2, Search: "سامراء"));
            seen.AddRange(page.Items.Select(item => item.Id));
            Assert.NotNull(page.Next);
            page = await client.ListAsync(new ArticleListQuery(PageSize: 2, Search: "سامراء", Next: page.Next));
            seen.AddRange(page.Items.Select(item => item.Id));

            Assert.Equal(2, page.Page);
            Assert.Null(page.Next);
            Assert.Equal(Enumerable.Reverse(ids), seen);
            await Assert.ThrowsAsync<ArgumentException>(() => client.ListAsync(new ArticleListQuery(Search: "؟!")));
        }
    }

    [Theory]
    [InlineData("q=%21%21%21", "has no words to look for")]
    [InlineData("sort=rank", "give q as well")]
    [InlineData("sort=oldest", "sort 'oldest' is not one of newest, rank")]
    [InlineData("next=bm90LWEtY3Vyc29y", "next is not a cursor")]
    [InlineData("from=yesterday", "from 'yesterday' is not a day")]
    [InlineData("to=2026-03-01T12:00:00", "is not a day (2026-03-01) or an instant with its offset")]
    [InlineData("from=2026-03-03&to=2026-03-01", "is after to")]
    [InlineData("feed=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "feed is 201 characters long")]
    public async Task ASearchOrFilterThatCannotBeAnsweredIsAProblemThatSaysWhy(string query, string detail)
    {
        using var response = await Http.GetAsync($"/api/articles?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheIndexIsAFileBesideTheGrainStates()
    {
        await Http.SubmitTextAsync(Article(seed: 531, "وعاد الهدوء إلى المدينة."));

        Assert.True(File.Exists(Path.ChangeExtension(fixture.StatePath, ".archive.db")));
    }
}
