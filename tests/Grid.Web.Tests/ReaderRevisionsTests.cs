using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

/// <summary>The reader of an article given a new text: its revision number, the paragraph that changed marked, and the older revision a link away, as it read.</summary>
public sealed class ReaderRevisionsTests(ReaderGrid grid) : IClassFixture<ReaderGrid>
{
    private static readonly string[] Story =
    [
        "قال المتحدث باسم الحكومة إن الاجتماع انتهى مساء اليوم بعد نقاش طويل حول الميزانية العامة.",
        "وأضاف أن الوفد سيعود إلى العاصمة غدا صباحا لاستكمال المشاورات مع الكتل السياسية.",
        "وأشار إلى أن اللجنة المالية ستعرض تقريرها على البرلمان خلال الأسبوع المقبل.",
        "وختم بالقول إن الحكومة ملتزمة بدفع رواتب الموظفين في موعدها دون أي تأخير.",
    ];

    private const string Correction = "وأشار إلى أن اللجنة المالية عرضت تقريرها على البرلمان صباح اليوم بحضور الوزير.";

    [Fact]
    public async Task TheChangedParagraphIsMarkedAndTheOlderRevisionReadsAsItWas()
    {
        const string Id = "reader-revised-story";
        using (var post = await grid.Http.PostAsJsonAsync("/api/articles", new { text = string.Join("\n\n", Story), id = Id, title = "الحكومة تنهي اجتماع الميزانية" }))
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        await WaitUntilFinishedAsync(Id);
        using (var put = await grid.Http.PutAsJsonAsync($"/api/articles/{Id}", new { text = string.Join("\n\n", Story[..2].Append(Correction).Append(Story[3])) }))
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);

        var page = await grid.OpenPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync($"/articles/{Id}");
        await Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        await Expect(page.Locator("#revision")).ToHaveTextAsync("Revision 2");

        var changed = page.Locator("#paragraphs > .pair[data-index='2']");
        await Expect(changed).ToHaveClassAsync("pair changed");
        await Expect(changed.Locator(".ar")).ToHaveTextAsync(Correction);
        await Expect(changed.Locator(".changed-mark")).ToBeVisibleAsync();
        await Expect(changed.Locator(".changed-mark")).ToHaveTextAsync("Changed in revision 2");
        await Expect(page.Locator("#paragraphs .changed-mark")).ToHaveCountAsync(1);
        Assert.Equal("4px", await changed.EvaluateAsync<string>("row => getComputedStyle(row).borderLeftWidth"));
        Assert.Equal("0px", await page.Locator("#paragraphs > .pair[data-index='1']").EvaluateAsync<string>("row => getComputedStyle(row).borderLeftWidth"));

        await page.Locator("#revisions").GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/articles/{Id}\\?revision=1$"));
        await Expect(page.Locator("#revision")).ToHaveTextAsync("Revision 1 of 2, as it read then");
        await Expect(page.Locator("#paragraphs > .pair[data-index='2'] .ar")).ToHaveTextAsync(Story[2]);
        await Expect(page.Locator("#paragraphs .changed-mark")).ToHaveCountAsync(0);
        var first = (await grid.Http.GetFromJsonAsync<JsonObject>($"/api/articles/{Id}/revisions/1"))!;
        await Expect(page.Locator("#paragraphs .en")).ToHaveTextAsync([.. first["paragraphs"]!.AsArray().Select(paragraph => paragraph!["en"]!.GetValue<string>())]);

        await page.Locator("#revisions").GetByRole(AriaRole.Link, new() { Name = "Read the newest" }).ClickAsync();
        await Expect(page.Locator("#revision")).ToHaveTextAsync("Revision 2");
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task AnArticleNeverRevisedShowsNoRevisions()
    {
        using (var post = await grid.Http.PostAsJsonAsync("/api/articles", new { text = string.Join("\n\n", Story), id = "reader-unrevised-story" }))
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/articles/reader-unrevised-story");
        await Expect(page.Locator("#status")).ToHaveTextAsync("completed", new() { Timeout = ReaderGrid.WorkTimeout });
        await Expect(page.Locator("#revisions")).ToBeHiddenAsync();
        await Expect(page.Locator("#paragraphs .changed-mark")).ToHaveCountAsync(0);
    }

    private async Task WaitUntilFinishedAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(ReaderGrid.WorkTimeout));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while ((await grid.Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}", timeout.Token))!["status"]!.GetValue<string>() is not ("completed" or "failed"))
            await tick.WaitForNextTickAsync(timeout.Token);
    }
}
