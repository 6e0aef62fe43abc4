using System.Globalization;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Grains.Text;

namespace Grid.Grains.Webhooks;

/// <summary>Builds the delivery of an article that finished: its id and the body every attempt sends as is.</summary>
public static class WebhookPayload
{
    /// <param name="submittedAt">When the article was submitted: the same text deleted and submitted again is a new article whose end is a new delivery.</param>
    /// <param name="revision">The revision that finished (<c>PUT /api/articles/{id}</c>): the delivery id carries it, so each revision's end is a delivery of its own.</param>
    public static WebhookRequest For(ArticleView view, string callbackUrl, DateTimeOffset submittedAt, int revision = 1)
    {
        var name = WebhookEvents.For(view.Status);
        var body = new WebhookBody(
            view.Id, name, view.Status.ToString().ToLowerInvariant(), revision, view.Title, view.Summary, view.Failure, view.FinishedAt,
            new WebhookLinks($"/api/articles/{view.Id}", $"/api/articles/{view.Id}/summary"));
        var id = ContentHash.Key(view.Id, submittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), revision.ToString(CultureInfo.InvariantCulture), name, callbackUrl);
        return new WebhookRequest(id, name, callbackUrl, revision, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
