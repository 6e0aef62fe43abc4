using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// One paragraph's English in the paragraph cache, stored where chunk translations are (<see cref="GridStorage.Translations"/>),
/// in variants made under different glossaries (<see cref="ParagraphTranslationState"/>); and, while an article translates a
/// variant, its claim and the articles waiting for it, in memory only (<see cref="ClaimBook{TNote}"/>), with the claimant's lane.
/// </summary>
public sealed partial class ParagraphTranslationGrain : Grain, IParagraphTranslationGrain
{
    private readonly IPersistentState<ParagraphTranslationState> _state;
    private readonly StateCheckpoint<ParagraphTranslationState> _checkpoint;
    private readonly ILogger<ParagraphTranslationGrain> _logger;
    private readonly ClaimBook<SlotLane?> _claims = new();

    /// <summary>When each variant (by its English) last served a lookup: which one to drop at the bound. Memory only, so a hit costs no write.</summary>
    private readonly Dictionary<string, DateTimeOffset> _servedAt = [];

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
        var (yours, hold, lapsed) = _claims.Claim(article, lease, lane, now);
        if (!yours)
        {
            AskClaimantToRaise(hold, lane);
            return Task.FromResult(ParagraphLookup.Taken(hold.Claimant, hold.ExpiresIn));
        }
        if (lapsed is not null)
            ClaimBook.LogClaimLapsed(_logger, Key, lapsed, article);
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
        if (_claims.IsHeldBy(article))
            Settle(translation: null);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A waiter of a higher priority than the claimant: the claimant is told, so the work carrying the paragraph waits
    /// for its slot in the waiter's lane, not behind the claimant's backlog. One way; told at each ask (the claimant ignores
    /// a raise it has made), so a lost call or a claimant restarted costs one ask.
    /// </summary>
    private void AskClaimantToRaise(ClaimHold<SlotLane?> hold, SlotLane? lane)
    {
        if (lane is null || (hold.Note is { } own && lane.Priority <= own.Priority))
            return;
        try
        {
            _ = GrainFactory.GetGrain<IParagraphClaimHolder>(hold.Claimant).OnParagraphWantedAsync(Key, lane);
        }
        catch (Exception error)
        {
            LogRaiseNotAsked(Key, hold.Claimant, error.Message);
        }
    }

    /// <summary>Ends the claim and tells every waiting article, which checks the variant against its own glossary entries (and asks again when it misses one).</summary>
    private void Settle(ParagraphTranslation? translation) => ClaimBook.TellSettled(GrainFactory, Key, _claims.Settle(), translation, _logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not be saved to the paragraph cache: {Reason}")]
    private partial void LogNotCached(string key, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not ask its claimant {Article} to raise its work: {Reason}")]
    private partial void LogRaiseNotAsked(string key, string article, string reason);
}
