using Grid.Abstractions.Articles;

namespace Grid.Grains.Webhooks;

/// <summary>The values of <c>X-Grid-Event</c>.</summary>
public static class WebhookEvents
{
    public const string Completed = "article.completed";
    public const string Failed = "article.failed";

    public static string For(ArticleStatus status) => status == ArticleStatus.Completed ? Completed : Failed;
}
