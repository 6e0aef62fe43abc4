using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Api;

internal static class ApiPolling
{
    /// <summary>
    /// Reads <paramref name="url"/> until <paramref name="done"/> holds: the article list is updated
    /// one way by the articles, so it catches up a moment after a submission answers.
    /// </summary>
    public static async Task<JsonObject> GetUntilAsync(this HttpClient http, string url, Func<JsonObject, bool> done, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        JsonObject? last = null;
        try
        {
            while (true)
            {
                last = (await http.GetFromJsonAsync<JsonObject>(url, cancel.Token))!;
                if (done(last))
                    return last;
                await tick.WaitForNextTickAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"GET {url} did not reach the expected state; last answer: {last?.ToJsonString()}");
        }
    }

    public static List<string> Ids(this JsonObject list) =>
        [.. list["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];
}
