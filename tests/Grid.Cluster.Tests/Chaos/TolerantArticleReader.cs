using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Chaos;

/// <summary>
/// Reads articles over the API as a patient client does while silos die: a 503 (the front silo's grain
/// call meeting a silo that is gone before the cluster has declared it dead) or another 5xx is counted
/// and asked again, not taken as the run's failure. Whether an article is lost is judged by its final state.
/// </summary>
internal sealed class TolerantArticleReader(HttpClient http)
{
    private int _unavailable;
    private int _serverErrors;

    /// <summary>503 answers met so far.</summary>
    public int Unavailable => _unavailable;

    /// <summary>Other 5xx answers met so far.</summary>
    public int ServerErrors => _serverErrors;

    public async Task<JsonObject> ReadAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}", cancellationToken))!;
            }
            catch (HttpRequestException error) when (error.StatusCode is >= HttpStatusCode.InternalServerError)
            {
                Interlocked.Increment(ref error.StatusCode == HttpStatusCode.ServiceUnavailable ? ref _unavailable : ref _serverErrors);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    /// <summary>Reads until <paramref name="condition"/> holds; fails naming the article when <paramref name="patience"/> runs out.</summary>
    public async Task<JsonObject> ReadUntilAsync(string id, Func<JsonObject, bool> condition, TimeSpan patience)
    {
        using var cancel = new CancellationTokenSource(patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        JsonObject? article = null;
        try
        {
            while (true)
            {
                article = await ReadAsync(id, cancel.Token);
                if (condition(article))
                    return article;
                await tick.WaitForNextTickAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"article {id} did not finish within {patience}; last seen: {article?.ToJsonString()}");
        }
    }
}
