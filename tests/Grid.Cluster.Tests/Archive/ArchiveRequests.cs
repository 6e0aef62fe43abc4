using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;

namespace Grid.Cluster.Tests.Archive;

/// <summary>What the archive's through-silo tests ask every store the same way: an article to find, its submission, a list.</summary>
internal static class ArchiveRequests
{
    /// <summary>A generated article with <paramref name="paragraph"/> among its own, so a search finds it by that paragraph alone.</summary>
    public static string Article(int seed, string paragraph)
    {
        var generated = GeneratedArticle.FromSeed(seed);
        return string.Join("\n\n", [generated.Title, generated.Paragraphs[0], paragraph, generated.Paragraphs[1]]);
    }

    /// <summary>POSTs the text and returns the id it was accepted under.</summary>
    public static async Task<string> SubmitTextAsync(this HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync("/api/articles", new { text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> ListAsync(this HttpClient http, string url) => (await http.GetFromJsonAsync<JsonObject>(url))!;

    /// <summary>
    /// Until the completed articles' list holds every id. An article shows "completed" as soon as it is (its view is read
    /// from memory); its list line is recorded once that state is stored, a moment later.
    /// </summary>
    public static Task WaitUntilListedAsync(this HttpClient http, params string[] ids) =>
        http.GetUntilAsync("/api/articles?status=completed", list => ids.All(list.Ids().Contains));
}
