using System.Globalization;
using Grid.Abstractions.Feeds;
using Grid.Abstractions.Translation;

namespace Grid.Silo.Api;

/// <summary>The JSON body of <c>POST /api/feeds</c>.</summary>
/// <param name="Url">The RSS or Atom feed's address.</param>
/// <param name="Every">The poll interval: <c>15m</c>, <c>1h</c>, <c>30s</c>, <c>1d</c> or <c>hh:mm:ss</c>; 15 minutes when left out.</param>
/// <param name="Glossary">Renderings every article of the feed uses.</param>
/// <param name="Mode"><c>fast</c> (the default) or <c>reflect</c>.</param>
public sealed record FeedRequest(string? Url, string? Every = null, IReadOnlyList<GlossaryEntryRequest>? Glossary = null, string? Mode = null)
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromMinutes(15);

    /// <summary>The subscription, or why the body cannot be one.</summary>
    public (FeedSubscription? Subscription, string? Problem) ToSubscription()
    {
        if (string.IsNullOrWhiteSpace(Url))
            return (null, "'url' is missing: give the address of an RSS or Atom feed.");
        if (ParseEvery(Every) is not { } every)
            return (null, $"'every' is '{Every}': use a number with s, m, h or d (15m, 1h) or hh:mm:ss.");
        var (article, problem) = new SubmitArticleRequest(null, Url: Url, Glossary: Glossary, Mode: Mode).ToSubmission();
        return problem is not null ? (null, problem) : (new FeedSubscription(Url.Trim(), every, article!.Glossary, article.Mode), null);
    }

    private static TimeSpan? ParseEvery(string? every)
    {
        if (string.IsNullOrWhiteSpace(every))
            return DefaultEvery;
        var text = every.Trim();
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            TimeSpan? unit = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => null,
            };
            return unit * count;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
