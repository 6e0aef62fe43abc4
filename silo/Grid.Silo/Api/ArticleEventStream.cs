using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>
/// The events of <c>GET /api/articles/{id}/events</c>: <c>progress</c> whenever the article's
/// progress changes (and again after a quiet spell, as a keep-alive), then one <c>end</c> when it is
/// completed or failed, or <c>gone</c> if it is deleted meanwhile; each event's data is the <see cref="ArticleProgress"/>
/// itself (<c>{ id, status, progress, failure }</c>). The article is polled, which
/// is cheap (a read-only, interleaving grain call) and needs nothing from the grain.
/// </summary>
public static class ArticleEventStream
{
    public const string Progress = "progress";
    public const string End = "end";
    public const string Gone = "gone";

    /// <summary>Tells a reconnecting EventSource to come back quickly; each event is a whole snapshot, so nothing is missed.</summary>
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    public static async IAsyncEnumerable<SseItem<ArticleProgress?>> ReadAsync(
        IArticleGrain article, ArticleProgress first, ApiOptions options, ApiMetrics metrics, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        metrics.EventStreams.Add(1);
        try
        {
            var sequence = 0;
            var current = first;
            var sentAt = DateTimeOffset.UtcNow;
            yield return Item(Progress, current, ++sequence) with { ReconnectionInterval = Reconnect };
            using var tick = new PeriodicTimer(options.EventsPollInterval);
            while (!current.IsFinished && await tick.WaitForNextTickAsync(cancellationToken))
            {
                var next = await article.GetProgressAsync().WaitAsync(cancellationToken);
                if (next is null)
                {
                    yield return new SseItem<ArticleProgress?>(null, Gone) { EventId = (++sequence).ToString() };
                    yield break;
                }
                if (next != current || DateTimeOffset.UtcNow - sentAt >= options.EventsKeepAlive)
                {
                    (current, sentAt) = (next, DateTimeOffset.UtcNow);
                    yield return Item(Progress, current, ++sequence);
                }
            }
            yield return Item(End, current, ++sequence);
        }
        finally
        {
            metrics.EventStreams.Add(-1);
        }
    }

    private static SseItem<ArticleProgress?> Item(string type, ArticleProgress progress, int sequence) =>
        new(progress, type) { EventId = sequence.ToString() };
}
