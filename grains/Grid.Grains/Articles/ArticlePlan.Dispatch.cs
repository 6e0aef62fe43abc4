using Newtonsoft.Json;
namespace Grid.Grains.Articles;

/// <summary>
/// The plan's side of bounded dispatch: an article keeps at most <see cref="ArticleOptions.MaxRequestsOut"/> requests
/// out with its chunk grains, each waiting for a slot or running; as an answer comes back, the next pending one goes.
/// So ten thousand queued articles hold a bounded number of requests each, and a high-priority article's work is not
/// stuck behind another's hundred chunks in its own silo. Which requests are out is kept in memory only: after a
/// crash the new activation sends the first pending ones again, which finds the ones still running and joins them.
/// </summary>
public sealed partial class ArticlePlan
{
    private readonly HashSet<string> _out = new(StringComparer.Ordinal);

    /// <summary>The keys of the requests out now (sent, no answer yet).</summary>
    [JsonIgnore]
    public IReadOnlyCollection<string> RequestsOut => _out;

    /// <summary>
    /// What to send now, in plan order: requests out that were answered are taken off, then pending work not out yet is
    /// added until <paramref name="maxOut"/> are out. With <paramref name="askAgain"/> (the watchdog's tick) the requests
    /// still out are in the list too, to be asked again (idempotent: a chunk grain already at work only notes the ask),
    /// but never work beyond the bound.
    /// </summary>
    public IReadOnlyList<WorkItem> WorkToSend(int maxOut, bool askAgain)
    {
        var pending = PendingWork().DistinctBy(item => item.Key).ToList();
        _out.IntersectWith(pending.Select(item => item.Key));
        var send = new List<WorkItem>();
        foreach (var item in pending)
        {
            if (_out.Contains(item.Key))
            {
                if (askAgain)
                    send.Add(item);
                continue;
            }
            if (_out.Count >= maxOut)
                continue;
            _out.Add(item.Key);
            send.Add(item);
        }
        return send;
    }

    /// <summary>
    /// The pending work that carries a paragraph this article claimed under <paramref name="paragraphKey"/>, to be sent
    /// now because a higher-priority article waits on that paragraph: counted out, beyond the bound if need be, since
    /// waiting for a turn behind this article's own requests would keep the other waiting too.
    /// </summary>
    public IReadOnlyList<WorkItem> SendNowWorkCarrying(string paragraphKey)
    {
        var paragraphs = Claims.Where(claim => claim.Value == paragraphKey).Select(claim => claim.Key).ToHashSet();
        var items = Units
            .Where(unit => !Answers.ContainsKey(unit.Index) && unit.Pieces.Any(piece => piece.Paragraph is { } index && paragraphs.Contains(index)))
            .Select(unit => unit.Work).DistinctBy(item => item.Key).ToList();
        _out.UnionWith(items.Select(item => item.Key));
        return items;
    }
}
