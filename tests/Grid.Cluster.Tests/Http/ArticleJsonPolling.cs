using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Http;

internal static class ArticleJsonPolling
{
    /// <summary>Reads GET /api/articles/{id} until the article is completed or failed.</summary>
    public static async Task<JsonObject> WaitUntilFinishedAsync(this HttpClient http, string id, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}", cancel.Token))!;
            if (article["status"]!.GetValue<string>() is "completed" or "failed")
                return article;
            await tick.WaitForNextTickAsync(cancel.Token);
        }
    }
}
