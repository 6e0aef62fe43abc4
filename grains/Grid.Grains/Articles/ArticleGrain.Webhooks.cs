using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>The article's side of webhooks: the callback checked at submission, handed off when the article ends, shown on the article.</summary>
public sealed partial class ArticleGrain
{
    private CallbackUrlCheck CallbackCheck => ServiceProvider.GetRequiredService<CallbackUrlCheck>();

    private IWebhookGrain Webhooks => GrainFactory.GetGrain<IWebhookGrain>(Id);

    /// <summary>
    /// Called once the final state is set and before it is saved: when the save is lost in a crash the
    /// watchdog finishes the article again, and handing off the same delivery again is a no-op.
    /// The webhook grain only stores the delivery; the article never waits on the receiver.
    /// </summary>
    private async Task HandOffWebhookAsync()
    {
        if (Article.Submission?.CallbackUrl is not { } url)
            return;
        try
        {
            await Webhooks.EnqueueAsync(WebhookPayload.For(ArticleViewBuilder.Build(Id, Article, []), url, Article.SubmittedAt, Article.CurrentRevision));
        }
        catch (Exception error)
        {
            Article.Warnings.Add($"The webhook to {url} could not be queued: {error.Message}");
            LogWebhookNotQueued(Id, error.Message);
        }
    }

    private async Task<ImmutableArray<WebhookDeliveryView>> DeliveriesAsync() =>
        Article.Submission?.CallbackUrl is null ? [] : await Webhooks.GetDeliveriesAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the webhook could not be queued: {Error}")]
    private partial void LogWebhookNotQueued(string id, string error);
}
