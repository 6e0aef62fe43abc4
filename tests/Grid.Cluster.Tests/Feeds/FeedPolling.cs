using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Feeds;

internal static class FeedPolling
{
    /// <summary>Reads GET /api/feeds/{id} until <paramref name="condition"/> holds; fails naming what was awaited and the last state.</summary>
    public static async Task<JsonObject> WaitForFeedAsync(this HttpClient http, string id, Func<JsonObject, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(1));
        JsonObject? feed = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                feed = await http.GetFromJsonAsync<JsonObject>($"/api/feeds/{id}");
                if (feed is not null && condition(feed))
                    return feed;
            }
            catch (HttpRequestException)
            {
                // A silo still starting: look again.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The feed never came to {what}; last seen: {feed?.ToJsonString() ?? "nothing"}");
    }

    public static int Int(this JsonObject feed, string name) => feed[name]!.GetValue<int>();

    /// <summary>No poll is under way: the counts, the error and the outcome are those of a finished poll.</summary>
    public static bool Settled(this JsonObject feed) => feed["lastOutcome"]?.GetValue<string>() is { } outcome && outcome != "polling";
}
