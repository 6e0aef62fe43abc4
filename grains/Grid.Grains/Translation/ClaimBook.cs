using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// The claim on translating one text (a paragraph in the paragraph cache, a sentence in the sentence memory) and the articles
/// waiting for it, kept by the text's grain in memory only: a claim lives for minutes, and storing it would cost a write for
/// every paragraph of every article. Lost with the activation, it costs at most one text paid twice: the waiting articles ask
/// again when their wait runs out, and the first of them to ask is given the claim. A claim runs for the lease it was taken
/// or last renewed with, so only a claimant that stopped renewing (its silo died) lets it lapse.
/// </summary>
/// <typeparam name="TNote">
/// What the claimant tells with its claim, given to those who find it held: the paragraph cache keeps the claimant's lane (a
/// waiter of a higher priority has it raise its work), the sentence memory the other sentences of the paragraph it translates.
/// </typeparam>
public sealed class ClaimBook<TNote>
{
    private readonly HashSet<string> _waiting = [];
    private string? _claimant;
    private TNote? _note;
    private DateTimeOffset _expires;

    /// <summary>The claim that runs at <paramref name="now"/>; null when none does (none was taken, it settled, or it lapsed).</summary>
    public ClaimHold<TNote>? Holder(DateTimeOffset now) =>
        _claimant is { } claimant && _expires > now ? new ClaimHold<TNote>(claimant, _expires - now, _note) : null;

    public bool IsHeldBy(string article) => _claimant == article;

    /// <summary>
    /// Gives <paramref name="article"/> the claim for <paramref name="lease"/> from <paramref name="now"/> when no other article's
    /// runs (none was taken, it lapsed, or the article holds it already: renewed, with its new note); else the article waits
    /// for the claim that runs, and is among those <see cref="Settle"/> returns.
    /// </summary>
    /// <returns>Whether the claim is the article's, the claim that runs now, and the claimant whose claim lapsed unrenewed, if one did.</returns>
    public (bool Yours, ClaimHold<TNote> Hold, string? Lapsed) Claim(string article, TimeSpan lease, TNote note, DateTimeOffset now)
    {
        if (Holder(now) is { } held && held.Claimant != article)
        {
            _waiting.Add(article);
            return (false, held, null);
        }
        var lapsed = _claimant is { } earlier && earlier != article ? earlier : null;
        (_claimant, _note, _expires) = (article, note, now + lease);
        _waiting.Remove(article);
        return (true, new ClaimHold<TNote>(article, lease, note), lapsed);
    }

    /// <summary>Ends the claim (its English came, or it was given up): returns the articles that waited, each to be told once.</summary>
    public IReadOnlyList<string> Settle()
    {
        (_claimant, _note) = (null, default);
        var waiting = _waiting.ToList();
        _waiting.Clear();
        return waiting;
    }
}

/// <summary>A claim that runs: who holds it, how long it still runs from the answer (added to the asker's own clock), and its claimant's note.</summary>
public sealed record ClaimHold<TNote>(string Claimant, TimeSpan ExpiresIn, TNote? Note);

/// <summary>What the paragraph cache's and the sentence memory's grains do alike around their <see cref="ClaimBook{TNote}"/>.</summary>
public static partial class ClaimBook
{
    /// <summary>
    /// Tells each article that waited that the claim under <paramref name="key"/> settled, with the English it is to check against
    /// its own glossary entries (none: it asks again). One way, so an article busy asking the grain never blocks it.
    /// </summary>
    public static void TellSettled(IGrainFactory grains, string key, IEnumerable<string> waiting, ParagraphTranslation? translation, ILogger logger)
    {
        foreach (var article in waiting)
        {
            try
            {
                _ = grains.GetGrain<IParagraphClaimWaiter>(article).OnParagraphSettledAsync(key, translation);
            }
            catch (Exception error)
            {
                // The article still asks again when its wait runs out.
                LogNotTold(logger, key, article, error.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Key} could not tell article {Article} that its claim settled: {Reason}")]
    private static partial void LogNotTold(ILogger logger, string key, string article, string reason);
}
