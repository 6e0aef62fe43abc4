using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api;

/// <summary><c>/api/articles</c>: submit articles, list them, and read them back.</summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles");
        articles.MapPost("/", SubmitAsync);
        articles.MapPost("/batch", SubmitBatchAsync);
        articles.MapGet("/", ListAsync);
        articles.MapGet("/{id}", GetAsync);
        articles.MapGet("/{id}/summary", GetSummaryAsync);
        articles.MapGet("/{id}/events", GetEventsAsync);
        articles.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Accepted<SubmitArticleResponse>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ArticleOptions> options, CancellationToken cancellationToken)
    {
        var (submission, problem) = await SubmissionReader.ReadAsync(request, options.Value.MaxTextBytes, cancellationToken);
        if (problem is not null)
            return problem;

        var receipt = await grains.GetGrain<IArticleIntakeGrain>(0).SubmitAsync(submission!);
        if (receipt.Rejection is { } rejection)
            return Problems.Rejected(rejection);
        return TypedResults.Accepted($"/api/articles/{receipt.Id}", new SubmitArticleResponse(receipt.Id!, receipt.Status, receipt.AlreadyKnown));
    }

    private static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> SubmitBatchAsync(
        HttpRequest request, IGrainFactory grains, IOptions<ApiOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (items, problem) = await BatchReader.ReadAsync(request, options.Value, cancellationToken);
        if (problem is not null)
            return problem;
        var answers = await BatchSubmitter.SubmitAsync(
            grains.GetGrain<IArticleIntakeGrain>(0), items, loggers.CreateLogger(typeof(BatchSubmitter)), cancellationToken);
        return TypedResults.Ok(BatchResponse.From(answers));
    }

    private static async Task<Results<Ok<ArticleListResponse>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, string? status = null, int page = 1, int pageSize = ArticleListQuery.DefaultPageSize)
    {
        ArticleStatus? only = null;
        if (status is not null)
        {
            if (!StatusNames.TryParse(status, out var parsed))
                return Problems.BadRequest($"status '{status}' is not one of {StatusNames.All}.", "bad-query");
            only = parsed;
        }
        var query = new ArticleListQuery(page, pageSize, only);
        if (query.Problem is { } problem)
            return Problems.BadRequest(problem, "bad-query");
        var list = await grains.GetGrain<IArticleCatalogGrain>(ArticleCatalogGrain.Key).ListAsync(query);
        return TypedResults.Ok(ArticleListResponse.From(list, only));
    }

    private static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (SubmissionValidator.CheckId(id) is not null)
            return Problems.NotFound(id);
        var view = await grains.GetGrain<IArticleGrain>(id).GetAsync();
        return view is null ? Problems.NotFound(id) : TypedResults.Ok(ArticleResponse.From(view));
    }

    private static async Task<Results<ServerSentEventsResult<ArticleProgressEvent?>, ProblemHttpResult>> GetEventsAsync(
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
