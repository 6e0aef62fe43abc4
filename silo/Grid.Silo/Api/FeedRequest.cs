using Grid.Abstractions.Feeds;
using Grid.Abstractions.Translation;

namespace Grid.Silo.Api;

/// <summary>The JSON body of <c>POST /api/feeds</c>.</summary>
/// <param name="Url">The RSS or Atom feed's address.</param>
/// <param name="Every">The poll interval: <c>15m</c>, <c>1h</c>, <c>30s</c>, <c>1d</c> or <c>hh:mm:ss</c>; 15 minutes when left out.</param>
/// <param name="Glossary">Renderings every article of the feed uses.</param>
/// <param name="Mode"><c>fast</c> (the default) or <c>reflect</c>.</param>
/// <param name="Priority"><c>high</c>, <c>normal</c> (the default) or <c>low</c>: the priority of the feed's articles.</param>
public sealed record FeedRequest(string? Url, string? Every = null, IReadOnlyList<GlossaryEntryRequest>? Glossary = null, string? Mode = null, string? Priority = null)
{
    /// <summary>The subscription, or why the body cannot be one.</summary>
    public (FeedSubscription? Subscription, string? Problem) ToSubscription()
    {
        if (string.IsNullOrWhiteSpace(Url))
            return (null, "'url' is missing: give the address of an RSS or Atom feed.");
        if (FeedInterval.Parse(Every) is not { } every)
            return (null, $"'every' is '{Every}': use a number with s, m, h or d (15m, 1h) or hh:mm:ss.");
        var (article, problem) = new SubmitArticleRequest(null, Url: Url, Glossary: Glossary, Mode: Mode, Priority: Priority).ToSubmission();
        return problem is not null ? (null, problem) : (new FeedSubscription(Url.Trim(), every, article!.Glossary, article.Mode, article.Priority), null);
    }
}
