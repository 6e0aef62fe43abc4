using System.Globalization;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Grains.Text;

namespace Grid.Grains.Webhooks;

/// <summary>Builds the delivery of an article that finished: its id and the body every attempt sends as is.</summary>
public static class WebhookPayload
{
    /// <summary>
    /// Revisions (<c>PUT /api/articles/{id}</c>) are not there yet: every article is revision 1. The
    /// delivery id already carries the revision, so a later revision's end is a new delivery.
    /// </summary>
    public const int CurrentRevision = 1;

    /// <param name="submittedAt">When the article was submitted: the same text deleted and submitted again is a new article whose end is a new delivery.</param>
    public static WebhookRequest For(ArticleView view, string callbackUrl, DateTimeOffset submittedAt, int revision = CurrentRevision)
    {
        var name = WebhookEvents.For(view.Status);
        var body = new WebhookBody(
            view.Id, name, view.Status.ToString().ToLowerInvariant(), revision, view.Title, view.Summary, view.Failure, view.FinishedAt,
            new WebhookLinks($"/api/articles/{view.Id}", $"/api/articles/{view.Id}/summary"));
        var id = ContentHash.Key(view.Id, submittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), revision.ToString(CultureInfo.InvariantCulture), name, callbackUrl);
        return new WebhookRequest(id, name, callbackUrl, revision, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
