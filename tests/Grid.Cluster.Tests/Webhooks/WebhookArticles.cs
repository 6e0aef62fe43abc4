using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Webhooks;

internal static class WebhookArticles
{
    /// <summary>Submits the seed article under its own id (so every test has a fresh article) with a callback.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string id, string callbackUrl) =>
        await http.PostAsJsonAsync("/api/articles", new { text = SampleArticles.Seed, id, callbackUrl });

    public static async Task<string> SubmitAcceptedAsync(HttpClient http, string id, string callbackUrl)
    {
        using var posted = await SubmitAsync(http, id, callbackUrl);
        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        return id;
    }

    /// <summary>Reads the article until its first delivery is in <paramref name="state"/>; the article JSON then.</summary>
    public static async Task<JsonObject> WaitForDeliveryAsync(HttpClient http, string id, string state, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        JsonObject? article = null;
        try
        {
            while (true)
            {
                article = (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}", cancel.Token))!;
                if (article["deliveries"]?.AsArray() is [{ } first, ..] && first["state"]!.GetValue<string>() == state)
                    return article;
                await tick.WaitForNextTickAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Article {id}'s delivery did not reach '{state}' within {timeout}: {article?["deliveries"]?.ToJsonString()}");
        }
    }
}
