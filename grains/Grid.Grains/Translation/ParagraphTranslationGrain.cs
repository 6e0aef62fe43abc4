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
public sealed partial class ParagraphTranslationGrain(
    [PersistentState("paragraph", GridStorage.Translations)] IPersistentState<ParagraphTranslationState> state,
    ILogger<ParagraphTranslationGrain> logger)
    : VariantGrain<ParagraphTranslationState, ParagraphTranslation, SlotLane?>(state, ParagraphTranslationState.Merge, logger), IParagraphTranslationGrain
{
    /// <summary>When each variant (by its English) last served a lookup: which one to drop at the bound. Memory only, so a hit costs no write.</summary>
    private readonly Dictionary<string, DateTimeOffset> _servedAt = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A state stored before variants: its English is the first variant from now on (written with the next variant).
        Stored.TakeOverSingleTranslation();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParagraphTranslation>> GetVariantsAsync() => Task.FromResult<IReadOnlyList<ParagraphTranslation>>([.. Stored.Variants]);

    public Task<ParagraphLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease, SlotLane? lane = null)
    {
        if (Stored.Serving(needed) is { } variant)
        {
            _servedAt[variant.English] = DateTimeOffset.UtcNow;
            return Task.FromResult(ParagraphLookup.Cached(variant));
        }
        var (yours, hold) = Claim(article, lease, lane);
        if (yours)
            return Task.FromResult(ParagraphLookup.Yours(article, lease));
        AskClaimantToRaise(hold, lane);
        return Task.FromResult(ParagraphLookup.Taken(hold.Claimant, hold.ExpiresIn));
    }

    public async Task KeepAsync(ParagraphTranslation translation)
    {
        var kept = await KeepVariantAsync(translation, variant => _servedAt.GetValueOrDefault(variant.English, DateTimeOffset.MinValue));
        _servedAt[kept.English] = DateTimeOffset.UtcNow;
        // The waiters check the variant against their own glossary entries, and ask again when it misses one.
        Settle(kept);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not ask its claimant {Article} to raise its work: {Reason}")]
    private partial void LogRaiseNotAsked(string key, string article, string reason);
}
