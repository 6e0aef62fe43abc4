using System.Text.Json;
using Grid.Abstractions;
using Grid.Abstractions.Feeds;
using Grid.Grains.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Silo.Api;

/// <summary><c>/api/feeds</c>: follow RSS and Atom feeds, each new item's page becoming an article.</summary>
public static class FeedsApi
{
    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/api/feeds").WithTags("Feeds");
        feeds.MapPost("/", SubscribeAsync).WithName("FollowFeed")
            .WithSummary("Follow a feed")
            .WithDescription("JSON { url, every?, glossary?, mode?, priority? }; priority (high, normal, low) is its articles'; every is 15m, 1h, 30s, 1d or hh:mm:ss (15 minutes when left out). "
                + "201 with the feed, which is polled at once and then every interval; the same URL again is the same feed (200, its interval and glossary updated).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        feeds.MapGet("/", ListAsync).WithName("ListFeeds").WithSummary("List the followed feeds");
        feeds.MapGet("/{id}", GetAsync).WithName("GetFeed")
            .WithSummary("Read a feed")
            .WithDescription("Its last and next poll, the items seen, the articles made, and the last error.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        feeds.MapPost("/{id}/poll", PollAsync).WithName("PollFeed")
            .WithSummary("Poll a feed now")
            .WithDescription("202: the poll runs in the background; read the feed to see how it went.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        feeds.MapDelete("/{id}", DeleteAsync).WithName("UnfollowFeed")
            .WithSummary("Stop following a feed")
            .WithDescription("Its articles stay.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return feeds;
    }

    private static async Task<Results<Created<FeedView>, Ok<FeedView>, ProblemHttpResult>> SubscribeAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not "application/json")
            return Problems.UnsupportedMediaType(request.ContentType ?? "no content type", "application/json { \"url\": ..., \"every\": ... }");
        var body = await SubmissionReader.ReadCappedAsync(request.Body, 64 * 1024, cancellationToken);
        if (body is null)
            return Problems.TooLarge("A feed subscription is a few lines of JSON; this body is over 64 KB.", "The request is too large");
        FeedRequest? feed;
        try
        {
            feed = JsonSerializer.Deserialize<FeedRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException error)
        {
            return Problems.BadRequest($"The JSON body could not be read: {error.Message}", "bad-json");
        }
        var (subscription, problem) = feed?.ToSubscription() ?? (null, "The JSON body is null: send { \"url\": \"...\" }.");
        if (problem is not null)
            return Problems.BadRequest(problem, "bad-json");

        return await grains.Singleton<IFeedIntakeGrain>().FollowAsync(subscription!) switch
        {
            FeedReceipt { Created: true } receipt => TypedResults.Created($"/api/feeds/{receipt.Feed.Id}", receipt.Feed),
            FeedReceipt receipt => TypedResults.Ok(receipt.Feed),
            FeedRejection rejection => TypedResults.Problem(rejection.Detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The feed cannot be followed", type: "https://grid.local/problems/invalid-feed"),
            var other => throw new InvalidOperationException($"A feed subscription answered {other.GetType().Name}, which is neither a receipt nor a rejection."),
        };
    }

    private static async Task<Ok<FeedView[]>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.Singleton<IFeedIntakeGrain>().ListAsync()).ToArray());

    private static async Task<Results<Ok<FeedView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        FeedIds.IsWellFormed(id) && await grains.GetGrain<IFeedGrain>(id).GetAsync() is { } feed ? TypedResults.Ok(feed) : NoFeed(id);

    private static async Task<Results<Accepted<FeedView>, ProblemHttpResult>> PollAsync(string id, IGrainFactory grains) =>
        FeedIds.IsWellFormed(id) && await grains.GetGrain<IFeedGrain>(id).PollNowAsync() is { } feed ? TypedResults.Accepted($"/api/feeds/{id}", feed) : NoFeed(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IGrainFactory grains) =>
        FeedIds.IsWellFormed(id) && await grains.GetGrain<IFeedGrain>(id).DeleteAsync() ? TypedResults.NoContent() : NoFeed(id);

    private static ProblemHttpResult NoFeed(string id) =>
        TypedResults.Problem($"No feed has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "No such feed", type: "https://grid.local/problems/not-found");
}
