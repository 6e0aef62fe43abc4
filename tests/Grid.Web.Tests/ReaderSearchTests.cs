using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Grid.Web.Tests;

public sealed class ReaderSearchTests(ArchiveReaderGrid grid) : IClassFixture<ArchiveReaderGrid>
{
    [Fact]
    public async Task TheSearchBoxNarrowsTheListToTheArticlesWithTheWordInAnySpellingAndBackUndoesIt()
    {
        var found = await SubmitAsync("اجتماع في القاهرة\n\nقال مسؤول إن إسرائيل أبلغت الوسطاء بموقفها من الاتفاق المقترح مساء أمس.");
        var other = await SubmitAsync("افتتاح معرض الكتاب\n\nافتتحت وزارة الثقافة معرض الكتاب السنوي في بغداد بمشاركة واسعة من دور النشر.");
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator($"li.article-item[data-id='{found}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"li.article-item[data-id='{other}']")).ToBeVisibleAsync();

        // Typed without the hamza the text has (إسرائيل), as people search.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("اسرائيل");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/\?q=%D8%A7%D8%B3%D8%B1%D8%A7%D8%A6%D9%8A%D9%84$"));
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(1);
        await Expect(page.Locator($"li.article-item[data-id='{found}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#list-summary")).ToHaveTextAsync("1 article match “اسرائيل”, newest first.");

        await page.GoBackAsync();
        await Expect(page.Locator($"li.article-item[data-id='{other}']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("");
    }

    [Fact]
    public async Task ASearchWithNoMatchSaysSo()
    {
        var page = await grid.OpenPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("زلزال"));

        await Expect(page.Locator("#list-summary")).ToHaveTextAsync("No articles match “زلزال”.");
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync("زلزال");
        await Expect(page.Locator("li.article-item")).ToHaveCountAsync(0);
    }

    private async Task<string> SubmitAsync(string text)
    {
        var response = await grid.Http.PostAsJsonAsync("/api/articles", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
