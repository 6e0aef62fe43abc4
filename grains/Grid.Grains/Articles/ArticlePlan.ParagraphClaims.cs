using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Translation;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// Claims on paragraphs in the paragraph cache, so that articles arriving together pay for a shared
/// paragraph once: a paragraph the cache has no English of for an article's glossary entries is claimed by the
/// first article that asks, which packs it; the others wait for its English instead of packing it (the claim is
/// on the paragraph, whatever the glossaries). A wait ends when the English comes (which fills the paragraph when
/// it renders the waiter's entries, else has the cache asked again, for a variant of the waiter's own), when the claim is given up (the claimant's translation failed, or it was deleted or failed), or when
/// the claim runs out (its claimant renews it while it works, so only a dead or stuck one lets it run out):
/// then the cache is asked again, and a paragraph that is no one's now is packed late, in a run of its own.
/// </summary>
public sealed partial class ArticlePlan
{
    /// <summary>
    /// The paragraphs to ask the cache about now: every one with text before the first lookup; after it,
    /// those whose wait on another article's claim has run out.
    /// </summary>
    public IReadOnlyList<(int Paragraph, string Key)> ParagraphsToAsk(PlanSettings settings, DateTimeOffset now) =>
        LookupPending ? ParagraphKeys(settings)
        : [.. ClaimWaits.Where(wait => wait.Value.Until <= now).OrderBy(wait => wait.Key).Select(wait => (wait.Key, wait.Value.Key))];

    /// <summary>Some paragraph waits on a claim that has run out (or was given up): the cache is to be asked again.</summary>
    public bool ClaimWaitRunOut(DateTimeOffset now) => ClaimWaits.Values.Any(wait => wait.Until <= now);

    /// <summary>When the first wait on a claim runs out, if any paragraph waits.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextClaimWaitEnd => ClaimWaits.Count == 0 ? null : ClaimWaits.Values.Min(wait => wait.Until);

    /// <summary>
    /// Takes the cache's answers (null: the cache could not be read): English fills its paragraph, a claim
    /// granted makes the paragraph this article's to pack, a claim held by another article is waited on.
    /// On the first lookup every paragraph neither filled nor waited on is packed; on a later one, the
    /// paragraphs that are now this article's are packed after the units there are. Returns how many were filled.
    /// </summary>
    public int TakeLookups(IReadOnlyList<(int Paragraph, string Key, ParagraphLookup? Answer)> answers, PlanSettings settings, DateTimeOffset now)
    {
        var first = LookupPending;
        LookupPending = false;
        var (filled, late) = (0, new List<int>());
        foreach (var (index, key, answer) in answers)
        {
            // A later lookup only concerns paragraphs still waited on (an answer may have filled one meanwhile).
            if (!first && !ClaimWaits.Remove(index))
                continue;
            SentenceWaits.Remove(index);
            switch (answer)
            {
                // A variant that misses an entry is never filled (the cache does not send one): the paragraph is packed, unclaimed.
                case { Kind: ParagraphLookupKind.Cached, Translation: { } translation } when CachedEnglish(index, translation) is { } english:
                    FromCache[index] = english;
                    filled++;
                    break;
                case { Kind: ParagraphLookupKind.Taken, ClaimedBy: { } claimant }:
                    ClaimWaits[index] = new ParagraphWait(key, claimant, now + answer.ExpiresIn);
                    // Another article translates one of its sentences (ArticlePlan.SentenceMemory.cs): asked again when that one settles.
                    if (answer.WaitOn is { } sentence)
                        SentenceWaits[index] = sentence;
                    break;
                default:
                    if (answer?.Kind == ParagraphLookupKind.Yours)
                        Claims[index] = key;
                    late.Add(index);
                    break;
            }
        }
        if (first)
            Units = Pack([.. Enumerable.Range(0, Paragraphs.Length).Where(index => !FromCache.ContainsKey(index) && !ClaimWaits.ContainsKey(index))], settings);
        else if (late.Count > 0)
            Units = PackAfterUnits([.. late.Order()], settings);
        return filled;
    }

    /// <summary>
    /// The English of the claim on <paramref name="key"/> came: fills every paragraph waiting on it whose glossary entries
    /// it renders; the waits of those whose entries it misses end now, so the next step asks the cache again (then the
    /// paragraph is this article's to translate, in a variant of its own). Returns how many were filled and how many refused it.
    /// </summary>
    public (int Filled, int Refused) FillAwaited(string key, ParagraphTranslation translation, DateTimeOffset now)
    {
        var (filled, refused) = (0, 0);
        foreach (var (index, wait) in ClaimWaits.Where(wait => wait.Value.Key == key).ToList())
        {
            if (CachedEnglish(index, translation) is { } english)
            {
                ClaimWaits.Remove(index);
                SentenceWaits.Remove(index);
                FromCache[index] = english;
                filled++;
            }
            else
            {
                ClaimWaits[index] = wait with { Until = now };
                refused++;
            }
        }
        return (filled, refused);
    }

    /// <summary>The claim on <paramref name="key"/> was given up: the waits on it end now, so the next step asks the cache again. False when none waited on it.</summary>
    public bool ClaimGivenUp(string key, DateTimeOffset now)
    {
        var waiting = ClaimWaits.Where(wait => wait.Value.Key == key).ToList();
        foreach (var (index, wait) in waiting)
            ClaimWaits[index] = wait with { Until = now };
        return waiting.Count > 0;
    }

    /// <summary>Ends every wait now, so that the next step asks the cache again about each paragraph waited on (a claim still held is waited on anew).</summary>
    public void AskAgainAboutWaits(DateTimeOffset now)
    {
        foreach (var (index, wait) in ClaimWaits.Where(wait => wait.Value.Until > now).ToList())
            ClaimWaits[index] = wait with { Until = now };
    }

    /// <summary>The claims held on paragraphs still being translated: renewed while the article works, so they run out only if it stops.</summary>
    public IReadOnlyList<string> ClaimsHeld() => [.. Claims.Values.Distinct()];

    /// <summary>The claims held, each with the glossary entries its paragraph needs: a renewal is a lookup, which a variant rendering them would answer instead.</summary>
    public IReadOnlyList<(string Key, ImmutableArray<GlossaryEntry> Needed)> ClaimsToRenew() =>
        [.. Claims.GroupBy(claim => claim.Value).Select(claim => (claim.Key, EntriesNeededBy(claim.First().Key)))];

    /// <summary>
    /// Ends the claims the answers settled: a paragraph now with English needs nothing more (keeping it
    /// in the cache ended the claim), one whose every piece is answered without English (its unit failed,
    /// or left the piece out) is given up, for a waiting article to translate. Returns the keys to give up.
    /// </summary>
    public IReadOnlyList<string> SettleClaims()
    {
        var english = ParagraphEnglish();
        var unanswered = PiecesWithEnglish().Where(piece => !piece.Answered && !piece.Piece.IsTitle).Select(piece => piece.Piece.Paragraph!.Value).ToHashSet();
        var givenUp = new List<string>();
        foreach (var (index, key) in Claims.ToList())
        {
            if (english[index] is null && unanswered.Contains(index))
                continue;
            Claims.Remove(index);
            if (english[index] is null)
                givenUp.Add(key);
        }
        return [.. givenUp.Distinct()];
    }

    /// <summary>Gives up every claim still held (the article failed, or is being deleted): returns their keys.</summary>
    public IReadOnlyList<string> GiveUpClaims()
    {
        var keys = ClaimsHeld();
        Claims.Clear();
        return keys;
    }
}
