using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Feeds;

namespace Grid.Client.Http;

/// <summary>
/// <see cref="IGridClient"/> over the Grid HTTP API: the same answers and the same exceptions as the
/// Orleans client (<see cref="GridClient"/>), plus <see cref="GridUnauthorizedException"/> when the
/// silo refuses the API key. Progress is followed on the article's event stream.
/// </summary>
/// <param name="http">A client whose <c>BaseAddress</c> is the silo's and which sends the <c>X-Api-Key</c> header.</param>
/// <param name="factory">Gives event streams a client of their own (<see cref="StreamClientName"/>); without it they use <paramref name="http"/>.</param>
public sealed class GridHttpClient(HttpClient http, IHttpClientFactory? factory = null) : IGridClient
{
    /// <summary>The named client for event streams: no retries and no time limit, as a stream lasts as long as its article.</summary>
    public const string StreamClientName = "Grid.Client.Http.Stream";

    private const int SubmitAtOnce = 8;

    private readonly HttpClient _streams = factory?.CreateClient(StreamClientName) ?? http;

    public async Task<SubmitReceipt> SubmitAsync(ArticleSubmission submission, CancellationToken cancellationToken = default)
    {
        var result = await SubmitOneAsync(submission, cancellationToken);
        return result is SubmitRejection rejection ? throw new GridSubmissionException(rejection) : (SubmitReceipt)result;
    }

    public async Task<IReadOnlyList<SubmitResult>> SubmitManyAsync(IEnumerable<ArticleSubmission> submissions, CancellationToken cancellationToken = default)
    {
        var all = submissions.ToList();
        var receipts = new SubmitResult[all.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = SubmitAtOnce, CancellationToken = cancellationToken },
            async (index, token) => receipts[index] = await SubmitOneAsync(all[index], token));
        return receipts;
    }

    /// <summary>The API's article JSON is the <see cref="ArticleView"/> itself (DESIGN.md §5).</summary>
    public Task<ArticleView?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ArticleView>(ArticlePath(id), cancellationToken);

    public async Task<RevisionReceipt> UpdateAsync(string id, ArticleSubmission submission, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Put, ArticlePath(id)) { Content = JsonContent.Create(SubmissionBody(submission with { Id = null }), options: GridJson.Options) },
            http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
            throw new GridSubmissionException(new SubmitRejection(RejectionKind.Unavailable, (await HttpProblems.DetailAsync(response, cancellationToken)) ?? $"Article '{id}' cannot be revised yet."));
        if (await HttpProblems.RejectionAsync(response, cancellationToken) is { } rejection)
            throw new GridSubmissionException(rejection);
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<UpdateDocument>(GridJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The Grid API answered the update but sent no receipt.");
        return new RevisionReceipt(answer.Id, answer.Unchanged ? RevisionOutcome.Unchanged : RevisionOutcome.Created, answer.Revision, answer.Status);
    }

    public Task<ArticleRevision?> GetRevisionAsync(string id, int revision, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ArticleRevision>($"{ArticlePath(id)}/revisions/{revision}", cancellationToken, orNullFor: HttpStatusCode.Gone);

    public async Task<ArticleProgress?> GetProgressAsync(string id, CancellationToken cancellationToken = default)
    {
        var article = await GetAsync(id, cancellationToken);
        return article is null ? null : new ArticleProgress(article.Id, article.Status, article.Progress, article.Failure);
    }

    public async Task<FeedResult> FollowFeedAsync(FeedSubscription subscription, CancellationToken cancellationToken = default)
    {
        var body = new
        {
            subscription.Url,
            Every = subscription.Every.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            Glossary = subscription.Glossary.IsDefaultOrEmpty ? null : subscription.Glossary.Select(entry => new { entry.Source, entry.English, entry.Kind }),
            Mode = subscription.Mode.ToString().ToLowerInvariant(),
            Priority = subscription.Priority.ToString().ToLowerInvariant(),
        };
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "api/feeds") { Content = JsonContent.Create(body, options: GridJson.Options) },
            http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
            return new FeedRejection((await HttpProblems.RejectionAsync(response, cancellationToken))?.Detail ?? $"The Grid API refused the feed ({(int)response.StatusCode}) without saying why.");
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        var feed = await response.Content.ReadFromJsonAsync<FeedView>(GridJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("The Grid API answered a feed subscription with an empty body.");
        return new FeedReceipt(feed, response.StatusCode == HttpStatusCode.Created);
    }

    public async Task<IReadOnlyList<FeedView>> ListFeedsAsync(CancellationToken cancellationToken = default) =>
        await GetJsonAsync<FeedView[]>("api/feeds", cancellationToken) ?? throw new InvalidOperationException("The Grid API answered the feed list with 404.");

    public Task<FeedView?> GetFeedAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<FeedView>($"api/feeds/{Uri.EscapeDataString(id)}", cancellationToken);

    public async Task<FeedView?> PollFeedAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/feeds/{Uri.EscapeDataString(id)}/poll"), http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        return await response.Content.ReadFromJsonAsync<FeedView>(GridJson.Options, cancellationToken);
    }

    public async Task<bool> UnfollowFeedAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/feeds/{Uri.EscapeDataString(id)}"), http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, ArticlePath(id)), http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        return true;
    }

    public Task<ArticleListPage> ListAsync(ArticleStatus? status = null, int page = 1, int pageSize = ArticleListQuery.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var query = new ArticleListQuery(page, pageSize, status);
        if (query.Problem is { } problem)
            throw new ArgumentOutOfRangeException(page < 1 ? nameof(page) : nameof(pageSize), problem);
        return ListAsync(query, cancellationToken);
    }

    public async Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Problem is { } problem)
            throw new ArgumentException(problem, nameof(query));
        var list = await GetJsonAsync<ArticleListDocument>(ArticleListAddress.Of(query), cancellationToken)
            ?? throw new InvalidOperationException("The Grid API answered the article list with 404.");
        return new ArticleListPage(list.Items, list.Page, list.PageSize, list.Total, ArticleListAddress.CursorIn(list.Next));
    }

    public async IAsyncEnumerable<ArticleProgress> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ArticlePath(id)}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await SendAsync(request, _streams, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new KeyNotFoundException($"No article has the id '{id}'.");
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        ArticleProgress? last = null;
        await foreach (var item in ReadEventsAsync(body, cancellationToken))
        {
            if (item.EventType == "gone")
                throw new KeyNotFoundException($"Article '{id}' was deleted while it was being watched.");
            var current = JsonSerializer.Deserialize<ArticleProgress>(item.Data, GridJson.Options);
            if (current is null)
                continue;
            if (current != last)
                yield return current;
            last = current;
            if (current.IsFinished)
                yield break;
        }
        throw new GridUnavailableException($"The event stream of article '{id}' at {http.BaseAddress} ended before the article did.");
    }

    public async Task<ArticleView> WaitAsync(string id, IProgress<ArticleProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var current in WatchAsync(id, cancellationToken))
            progress?.Report(current);
        return await GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"Article '{id}' was deleted while it was being waited for.");
    }

    /// <summary>The JSON of a submission, as <c>POST</c> and <c>PUT /api/articles</c> read it.</summary>
    private static object SubmissionBody(ArticleSubmission submission) => new
    {
        submission.Text, submission.Title, submission.Url, submission.Source, submission.Id,
        Glossary = submission.Glossary.IsDefaultOrEmpty ? null : submission.Glossary.Select(entry => new { entry.Source, entry.English, entry.Kind }),
        Mode = submission.Mode.ToString().ToLowerInvariant(),
        submission.CallbackUrl,
        submission.Html,
        Priority = submission.Priority.ToString().ToLowerInvariant(),
    };

    private async Task<SubmitResult> SubmitOneAsync(ArticleSubmission submission, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = JsonContent.Create(SubmissionBody(submission), options: GridJson.Options) },
            http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (await HttpProblems.RejectionAsync(response, cancellationToken) is { } rejection)
            return rejection;
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        var receipt = await response.Content.ReadFromJsonAsync<SubmitReceipt>(GridJson.Options, cancellationToken);
        return receipt is { Id.Length: > 0 } ? receipt : throw new InvalidOperationException("The Grid API accepted the article but sent no receipt with its id.");
    }

    /// <param name="orNullFor">Another status, besides 404, that means "not there".</param>
    private async Task<T?> GetJsonAsync<T>(string path, CancellationToken cancellationToken, HttpStatusCode orNullFor = HttpStatusCode.NotFound) where T : class
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), http, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == orNullFor)
            return null;
        await HttpProblems.ThrowUnlessSuccessAsync(response, http.BaseAddress, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(GridJson.Options, cancellationToken);
    }

    /// <summary>Sends a request; when the silo cannot be reached at all, a <see cref="GridUnavailableException"/> that says where the client looked.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpClient client, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await client.SendAsync(request, completion, cancellationToken);
            }
            catch (HttpRequestException error)
            {
                throw new GridUnavailableException($"The Grid API could not be reached at {client.BaseAddress} ({error.Message}). Is a silo running there? Give its address with --url or GRID_URL.", error);
            }
            catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                throw new GridUnavailableException($"The Grid API at {client.BaseAddress} did not answer in time ({error.Message}).", error);
            }
        }
    }

    private static string ArticlePath(string id) => $"api/articles/{Uri.EscapeDataString(id)}";

    private static IAsyncEnumerable<SseItem<string>> ReadEventsAsync(Stream body, CancellationToken cancellationToken) =>
        SseParser.Create(body).EnumerateAsync(cancellationToken);
}
