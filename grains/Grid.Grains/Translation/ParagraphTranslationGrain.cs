using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// One paragraph's English in the paragraph cache, stored where chunk translations are (<see cref="GridStorage.Translations"/>),
/// in variants made under different glossaries (<see cref="ParagraphTranslationState"/>); and, while an article translates a
/// variant, its claim and the articles waiting for it. The claim is held in memory only: it lives for minutes, and storing it
/// would cost a write for every paragraph of every article. Lost with the activation, it costs at most one paragraph paid twice:
/// the waiting articles ask again when their wait runs out, and the first of them to ask is given the claim.
/// </summary>
public sealed partial class ParagraphTranslationGrain : Grain, IParagraphTranslationGrain
{
    private readonly IPersistentState<ParagraphTranslationState> _state;
    private readonly StateCheckpoint<ParagraphTranslationState> _checkpoint;
    private readonly ILogger<ParagraphTranslationGrain> _logger;
    private readonly HashSet<string> _waiting = [];

    /// <summary>When each variant (by its English) last served a lookup: which one to drop at the bound. Memory only, so a hit costs no write.</summary>
    private readonly Dictionary<string, DateTimeOffset> _servedAt = [];

    private string? _claimant;
    private SlotLane? _claimantLane;
    private DateTimeOffset _claimExpires;

    public ParagraphTranslationGrain(
        [PersistentState("paragraph", GridStorage.Translations)] IPersistentState<ParagraphTranslationState> state,
        ILogger<ParagraphTranslationGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<ParagraphTranslationState>(state, ParagraphTranslationState.Merge, logger);
    }

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A state stored before variants: its English is the first variant from now on (written with the next variant).
        _state.State.TakeOverSingleTranslation();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParagraphTranslation>> GetVariantsAsync() => Task.FromResult<IReadOnlyList<ParagraphTranslation>>([.. _state.State.Variants]);

    public Task<ParagraphLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease, SlotLane? lane = null)
    {
        var now = DateTimeOffset.UtcNow;
        if (_state.State.Serving(needed) is { } variant)
        {
            _servedAt[variant.English] = now;
            return Task.FromResult(ParagraphLookup.Cached(variant));
        }
        if (_claimant is { } claimant && claimant != article && _claimExpires > now)
        {
            _waiting.Add(article);
            AskClaimantToRaise(claimant, lane);
            return Task.FromResult(ParagraphLookup.Taken(claimant, _claimExpires - now));
        }
        if (_claimant is { } lapsed && lapsed != article)
            LogClaimLapsed(Key, lapsed, article);
        (_claimant, _claimantLane, _claimExpires) = (article, lane, now + lease);
        _waiting.Remove(article);
        // The claim lives in this activation: keep it at least as long as the claim runs.
        DelayDeactivation(lease);
        return Task.FromResult(ParagraphLookup.Yours(article, lease));
    }

    public async Task KeepAsync(ParagraphTranslation translation)
    {
        var (kept, added) = _state.State.Add(translation, variant => _servedAt.GetValueOrDefault(variant.English, DateTimeOffset.MinValue));
        _servedAt[kept.English] = DateTimeOffset.UtcNow;
        // Unsaved, the variant is only not cached: the chunk cache still holds the answer it came from.
        if (added && !await _checkpoint.SaveAsync())
            LogNotCached(Key, _checkpoint.UnsavedBecause);
        Settle(kept);
    }

    public Task ReleaseAsync(string article)
    {
        if (_claimant == article)
            Settle(translation: null);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A waiter of a higher priority than the claimant: the claimant is told, so the work carrying the paragraph waits
    /// for its slot in the waiter's lane, not behind the claimant's backlog. One way; told at each ask (the claimant ignores
    /// a raise it has made), so a lost call or a claimant restarted costs one ask.
    /// </summary>
    private void AskClaimantToRaise(string claimant, SlotLane? lane)
    {
        if (lane is null || (_claimantLane is { } own && lane.Priority <= own.Priority))
            return;
        try
        {
            _ = GrainFactory.GetGrain<IParagraphClaimHolder>(claimant).OnParagraphWantedAsync(Key, lane);
        }
        catch (Exception error)
        {
            LogRaiseNotAsked(Key, claimant, error.Message);
        }
    }

    /// <summary>
    /// Ends the claim and tells every waiting article, which checks the variant against its own glossary entries (and asks
    /// again when it misses one); one way, so an article busy asking this grain never blocks it.
    /// </summary>
    private void Settle(ParagraphTranslation? translation)
    {
        _claimant = null;
        foreach (var article in _waiting)
        {
            try
            {
                _ = GrainFactory.GetGrain<IParagraphClaimWaiter>(article).OnParagraphSettledAsync(Key, translation);
            }
            catch (Exception error)
            {
                // The article still asks again when its wait runs out.
                LogNotTold(Key, article, error.Message);
            }
        }
        _waiting.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not be saved to the paragraph cache: {Reason}")]
    private partial void LogNotCached(string key, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paragraph {Key}: the claim of article {Claimant} lapsed unrenewed; article {Article} translates it now")]
    private partial void LogClaimLapsed(string key, string claimant, string article);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not ask its claimant {Article} to raise its work: {Reason}")]
    private partial void LogRaiseNotAsked(string key, string article, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not tell article {Article} that it settled: {Reason}")]
    private partial void LogNotTold(string key, string article, string reason);
}
