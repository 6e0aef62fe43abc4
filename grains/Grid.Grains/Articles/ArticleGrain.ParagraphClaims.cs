using System.Collections.Immutable;
using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Grains.Translation;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>
/// The article's side of the claims on paragraphs (the rules: ArticlePlan.ParagraphClaims.cs): it hears
/// when a paragraph it waits on settles, asks again when a wait runs out, renews the claims it holds at
/// each watchdog tick, and gives them up when it fails or is deleted.
/// </summary>
public sealed partial class ArticleGrain : IParagraphClaimWaiter
{
    private IGrainTimer? _claimCheck;
    private int _lookupsUnderWay;

    /// <summary>
    /// What paragraphs settled while a lookup was under way: a lookup that runs in the background (after the
    /// glossary call) lets this callback in before it has noted the waits its answers asked for.
    /// </summary>
    private readonly Dictionary<string, ParagraphTranslation?> _settledWhileAsking = [];

    public async Task OnParagraphSettledAsync(string key, ParagraphTranslation? translation)
    {
        if (!Article.Exists || Article.Status is not (ArticleStatus.Queued or ArticleStatus.Translating))
            return;
        if (_lookupsUnderWay > 0)
            _settledWhileAsking[key] = translation;
        if (!TakeSettled(key, translation))
            return;
        await SaveSoonAsync();
        await ContinueAsync(redispatch: false);
    }

    /// <summary>
    /// Fills the paragraphs waiting on <paramref name="key"/> whose glossary entries the English renders, and ends the other
    /// waits (a claim given up, or English that misses an entry: the cache is asked again); false when none waited.
    /// </summary>
    private bool TakeSettled(string key, ParagraphTranslation? translation)
    {
        // A sentence of the sentence memory settles with no English: the paragraphs waiting on it are asked about again.
        if (translation is null)
            return Plan.ClaimGivenUp(key, DateTimeOffset.UtcNow) | Plan.SentenceSettled(key, DateTimeOffset.UtcNow);
        var (filled, refused) = Plan.FillAwaited(key, translation, DateTimeOffset.UtcNow);
        Article.CachedParagraphs += filled;
        return filled + refused > 0;
    }

    /// <summary>Once the lookups' answers are in the plan: what settled meanwhile, which no wait could take yet.</summary>
    private void TakeSettledWhileAsking()
    {
        foreach (var (key, translation) in _settledWhileAsking)
            TakeSettled(key, translation);
        if (_lookupsUnderWay == 0)
            _settledWhileAsking.Clear();
    }

    /// <summary>
    /// A timer for the moment the first wait on a claim runs out, so a claimant that died costs no more
    /// than its claim's deadline (the watchdog's tick alone would add up to a period).
    /// </summary>
    private void ScheduleClaimCheck()
    {
        _claimCheck?.Dispose();
        _claimCheck = null;
        if (Plan.NextClaimWaitEnd is not { } end)
            return;
        var due = end - DateTimeOffset.UtcNow;
        _claimCheck = this.RegisterGrainTimer(ClaimWaitRanOutAsync,
            new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task ClaimWaitRanOutAsync(CancellationToken cancellationToken)
    {
        if (!Article.Exists)
            return;
        await ContinueAsync(redispatch: false);
        // The wait that set this timer may have ended otherwise: the next one gets its own.
        ScheduleClaimCheck();
    }

    /// <summary>
    /// Renews the claims held on paragraphs still being translated, and on their sentences in the sentence memory, so that
    /// only a claimant that stopped lets its claims run out; and has the waits asked about again, so a callback lost on the
    /// way (delivery is at most once) costs a watchdog period, not a claim's deadline.
    /// </summary>
    private async Task RefreshClaimsAsync()
    {
        if (Article.Plan is not { } plan)
            return;
        plan.AskAgainAboutWaits(DateTimeOffset.UtcNow);
        var memory = GrainFactory.Singleton<ISentenceMemoryGrain>();
        await Task.WhenAll([
            .. plan.ClaimsToRenew().Select(async claim =>
            {
                var key = claim.Key;
                try
                {
                    await GrainFactory.GetGrain<IParagraphTranslationGrain>(key).ClaimAsync(Id, claim.Needed, _options.ParagraphClaimDeadline, Article.Lane);
                }
                catch (Exception error)
                {
                    LogClaimNotRenewed(Id, key, error.Message);
                }
            }),
            .. plan.SentenceClaimsToRenew(Settings).Select(sentences => RenewSentenceClaimsAsync(memory, sentences)),
        ]);
    }

    /// <summary>The same look-up that claimed them: what it answers changes nothing here, the paragraph is this article's either way.</summary>
    private async Task RenewSentenceClaimsAsync(ISentenceMemoryGrain memory, ImmutableArray<SentenceQuery> sentences)
    {
        try
        {
            await memory.LookUpAsync(Id, sentences, _options.ParagraphClaimDeadline);
        }
        catch (Exception error)
        {
            LogSentenceClaimsNotRenewed(Id, sentences.Length, error.Message);
        }
    }

    /// <summary>Gives up every claim still held, on paragraphs and on their sentences: the article failed, or is being deleted, and will translate none of them.</summary>
    private void GiveUpClaims()
    {
        if (Article.Plan is not { } plan)
            return;
        TellSentenceMemory([], plan.SentencesOfClaims(Settings));
        foreach (var key in plan.GiveUpClaims())
            ReleaseClaim(key);
    }

    /// <summary>One way: a release that is lost leaves the waiting articles to ask again when the claim runs out.</summary>
    private void ReleaseClaim(string key)
    {
        try
        {
            _ = GrainFactory.GetGrain<IParagraphTranslationGrain>(key).ReleaseAsync(Id);
        }
        catch (Exception error)
        {
            LogClaimNotReleased(Id, key, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the claim on paragraph {Key} could not be renewed: {Error}")]
    private partial void LogClaimNotRenewed(string id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the claims on {Count} sentences of a paragraph it translates could not be renewed (another article may take them when they run out): {Error}")]
    private partial void LogSentenceClaimsNotRenewed(string id, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the claim on paragraph {Key} could not be given up: {Error}")]
    private partial void LogClaimNotReleased(string id, string key, string error);
}
