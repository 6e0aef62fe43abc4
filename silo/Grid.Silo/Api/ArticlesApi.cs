using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Grains.Archive;
using Grid.Grains.Articles;
using Grid.Grains.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api;

/// <summary><c>/api/articles</c>: submit articles, list them, and read them back.</summary>
public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapPost("/", SubmitAsync).WithName("SubmitArticle")
            .WithSummary("Submit an article")
            .WithDescription("JSON { text, title?, url?, source?, id?, priority? } or the text itself as text/plain. The same text again is the same article. "
                + "priority is high, normal (the default) or low: waiting LLM work is served highest first, and within a priority the API keys take turns. "
                + "JSON { url } alone: Grid fetches the page (status 'fetching') and extracts its article; the same URL again is the same article. "
                + "JSON { html } or a text/html body: a saved page whose article Grid extracts. "
                + "Without an id, the id is the text's content id (16 hex digits); an id of your own may not have that shape, and names one text: another text under it is 409. "
                + "202 means the article is stored; 503 with Retry-After means it could not be, and nothing was kept.")
            .DescribesBody(typeof(SubmitArticleRequest), "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        articles.MapPost("/batch", SubmitBatchAsync).WithName("SubmitArticles")
            .WithSummary("Submit many articles")
            .WithDescription("A JSON array, or NDJSON with one article per line; each item is an object like a single submission's, or the text as a string. Each article is answered at its index, with its id or its problem.")
            .DescribesBody(typeof(SubmitArticleRequest[]), "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        articles.MapGet("/", ListAsync).WithName("ListArticles")
            .WithSummary("List and search articles")
            .WithDescription("Newest first (sort=newest) or, with q, best match first (sort=rank); a page at a time by number (page from 1, pageSize up to 100) "
                + "or by following next, a cursor that keeps its place while articles arrive. Filters: status, from and to (a day 2026-03-01, whole, or an instant with its offset), "
                + "and q: words found in titles, summaries and paragraphs in Arabic (any spelling of alef, ta marbuta, alef maqsura; with or without harakat) or English (any form of the word); "
                + "every word must be there, a \"quoted phrase\" as written.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        articles.MapGet("/{id}", GetAsync).WithName("GetArticle")
            .WithSummary("Read an article")
            .WithDescription("Its progress, and the bilingual text, summary, omitted lines, warnings and usage as far as they go.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPut("/{id}", UpdateAsync).WithName("UpdateArticle")
            .WithSummary("Give an article a new text: its next revision")
            .WithDescription("The same bodies as a submission (JSON { text, title?, ... }, text/plain, or a page as { html } or text/html); { url } alone fetches the page again and its article is the new text. "
                + "Paragraphs the article had keep their English (no new translation), changed and new ones are translated, and the summary is made again; "
                + "what the JSON leaves out (title, source, url, glossary, callbackUrl) stays as it was. 202 with the new revision; 200 with unchanged: true when the text is the newest revision's. "
                + "A revision still in work is superseded by the new one. The article's callback, if any, is called again when the new revision finishes.")
            .DescribesBody(typeof(SubmitArticleRequest), "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        articles.MapGet("/{id}/revisions/{revision:int}", GetRevisionAsync).WithName("GetArticleRevision")
            .WithSummary("Read one revision of an article")
            .WithDescription("An older revision as it read when the next replaced it (title, paragraphs and their English, summary); the newest as it reads now. "
                + "404 for a revision that never existed, 410 for one dropped to keep the article's revisions bounded (Grid:Articles:MaxRevisions).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        articles.MapGet("/{id}/summary", GetSummaryAsync).WithName("GetArticleSummary")
            .WithSummary("Read an article's summary")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        articles.MapGet("/{id}/events", GetEventsAsync).WithName("WatchArticle")
            .WithSummary("Follow an article's progress")
            .WithDescription("Server-Sent Events: 'progress' whenever it changes, then one 'end' once the article is completed or failed ('gone' if it is deleted meanwhile).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapDelete("/{id}", DeleteAsync).WithName("DeleteArticle")
            .WithSummary("Delete an article")
            .WithDescription("Its translations stay in the cache that all articles share.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return articles;
    }

    private static async Task<Results<Accepted<SubmitReceipt>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ArticleOptions> options, IOptions<PageOptions> pages, CancellationToken cancellationToken)
    {
        var (submission, problem) = await SubmissionReader.ReadAsync(request, options.Value.MaxTextBytes, pages.Value.MaxBytes, cancellationToken);
        if (problem is not null)
            return problem;

        // The caller's API key (its name, never the key) owns the article: owners take turns for the LLM.
        using var owner = SubmissionOwner.As(OwnerOf(request.HttpContext));
        var result = await grains.Singleton<IArticleIntakeGrain>().SubmitAsync(submission!);
        if (result is SubmitRejection rejection)
        {
            if (rejection.Kind == RejectionKind.Unavailable)
                request.HttpContext.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Rejected(rejection);
        }
        var receipt = (SubmitReceipt)result;
        return TypedResults.Accepted($"/api/articles/{receipt.Id}", receipt);
    }

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> SubmitBatchAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ApiOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (items, problem) = await BatchReader.ReadAsync(request, options.Value, cancellationToken);
        if (problem is not null)
            return problem;
        using var owner = SubmissionOwner.As(OwnerOf(request.HttpContext));
        var answers = await BatchSubmitter.SubmitAsync(
            grains.Singleton<IArticleIntakeGrain>(), items, loggers.CreateLogger(typeof(BatchSubmitter)), cancellationToken);
        return TypedResults.Ok(BatchResponse.From(answers));
    }

    /// <summary>The name of the caller's API key (<c>key-1</c>...), or <c>anonymous</c> on an open API.</summary>
    private static string OwnerOf(HttpContext context) => context.User.Identity?.Name ?? SubmissionOwner.Anonymous;

    private static async Task<Results<Ok<ArticleListResponse>, ProblemHttpResult>> ListAsync(
        IArticleIndex index, CancellationToken cancellationToken, string? status = null, int page = 1, int pageSize = ArticleListQuery.DefaultPageSize,
        string? q = null, string? from = null, string? to = null, string? sort = null, string? next = null, string? feed = null)
    {
        var (query, problem) = ArticleListRequest.Read(status, page, pageSize, q, from, to, sort, next, feed);
        if (problem is not null)
            return Problems.BadRequest(problem, "bad-query");
        if (query!.Searches && !index.CanSearch)
            return Problems.BadRequest(CatalogArticleIndex.NoSearch, "search-unavailable");
        var list = await index.ListAsync(query, cancellationToken);
        return TypedResults.Ok(ArticleListResponse.From(list, query));
    }

    /// <summary>The view is the answer as it is (DESIGN.md §5): its progress the one record the list and the events carry too.</summary>
    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        var view = await grains.GetGrain<IArticleGrain>(id).GetAsync();
        return view is null ? Problems.NotFound(id) : TypedResults.Ok(view);
    }

    private static async Task<Results<Accepted<UpdateArticleResponse>, Ok<UpdateArticleResponse>, ProblemHttpResult>> UpdateAsync(
        string id, HttpRequest request, IGrainFactory grains, IOptions<ArticleOptions> options, IOptions<PageOptions> pages,
        PageIntake intake, PageLoader loader, CancellationToken cancellationToken)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        var (submission, problem) = await SubmissionReader.ReadAsync(request, options.Value.MaxTextBytes, pages.Value.MaxBytes, cancellationToken);
        if (problem is not null)
            return problem;
        if (submission!.Id is { } bodyId && bodyId != id)
            return Problems.BadRequest($"The body's id '{bodyId}' is not the article's ('{id}'): an update keeps the article's id. Leave 'id' out, or PUT to /api/articles/{bodyId}.", "id-mismatch");
        if (PageIntake.IsByUrl(submission))
        {
            // A page that changed: fetched again, its article is the new revision's text.
            (submission, problem) = await PageUpdateReader.FetchAsync(submission!, intake, loader, cancellationToken);
            if (problem is not null)
                return problem;
        }

        var receipt = await grains.GetGrain<IArticleGrain>(id).UpdateAsync(submission! with { Id = null });
        var answer = new UpdateArticleResponse(id, receipt.Status, receipt.Revision, receipt.Outcome == RevisionOutcome.Unchanged);
        switch (receipt.Outcome)
        {
            case RevisionOutcome.NotFound:
                return Problems.NotFound(id, "An update gives an existing article a new text; submit a new article with POST /api/articles.");
            case RevisionOutcome.Busy:
                return Problems.NotReady(receipt.Rejection!.Detail);
            case RevisionOutcome.Refused when receipt.Rejection is { } rejection:
                if (rejection.Kind == RejectionKind.Unavailable)
                    request.HttpContext.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Rejected(rejection);
            case RevisionOutcome.Unchanged:
                return TypedResults.Ok(answer);
            default:
                return TypedResults.Accepted($"/api/articles/{id}", answer);
        }
    }

    private static async Task<Results<Ok<ArticleRevision>, ProblemHttpResult>> GetRevisionAsync(string id, int revision, IGrainFactory grains)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        var lookup = await grains.GetGrain<IArticleGrain>(id).GetRevisionAsync(revision);
        if (lookup.Revision is { } found)
            return TypedResults.Ok(found);
        if (lookup.Latest == 0)
            return Problems.NotFound(id);
        if (lookup.Dropped(revision))
            return Problems.Gone($"Revision {revision} of article '{id}' was dropped: an article keeps its last revisions only (Grid:Articles:MaxRevisions), and its oldest kept is {lookup.OldestKept}.");
        return Problems.NoSuchRevision(id, revision, lookup.Latest);
    }

    private static async Task<Results<ServerSentEventsResult<ArticleProgress?>, ProblemHttpResult>> GetEventsAsync(
        string id, IGrainFactory grains, IOptions<ApiOptions> options, ApiMetrics metrics, CancellationToken cancellationToken)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        var article = grains.GetGrain<IArticleGrain>(id);
        var first = await article.GetProgressAsync();
        if (first is null)
            return Problems.NotFound(id);
        return TypedResults.ServerSentEvents(ArticleEventStream.ReadAsync(article, first, options.Value, metrics, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        return await grains.GetGrain<IArticleGrain>(id).DeleteAsync() ? TypedResults.NoContent() : Problems.NotFound(id);
    }

    private static async Task<Results<Ok<ArticleSummary>, ProblemHttpResult>> GetSummaryAsync(string id, IGrainFactory grains)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        var view = await grains.GetGrain<IArticleGrain>(id).GetAsync();
        return view switch
        {
            null => Problems.NotFound(id),
            { Summary: { } summary } => TypedResults.Ok(summary),
            _ => Problems.NotReady($"Article '{id}' has no summary yet (status: {view.Status.ToString().ToLowerInvariant()})."),
        };
    }
}
