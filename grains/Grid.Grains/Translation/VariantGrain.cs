using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// What a paragraph cache grain and a sentence memory grain do alike: keep the text's English in variants
/// (<see cref="VariantStore{TVariant}"/>), written through a checkpoint where translations are stored, and hold the claim on
/// translating it, with the articles waiting (<see cref="ClaimBook{TNote}"/>). Each grain adds its key's meaning, its variant
/// type, what a claimant notes with its claim, and how it answers.
/// </summary>
public abstract partial class VariantGrain<TState, TVariant, TNote> : Grain
    where TState : VariantStore<TVariant>
    where TVariant : class, ITranslationVariant<TVariant>
{
    private readonly IPersistentState<TState> _state;
    private readonly StateCheckpoint<TState> _checkpoint;
    private readonly ILogger _logger;

    protected VariantGrain(IPersistentState<TState> state, Func<TState, TState, TState> mergeStoredIntoMine, ILogger logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<TState>(state, mergeStoredIntoMine, logger);
    }

    protected TState Stored => _state.State;

    protected ClaimBook<TNote> Claims { get; } = new();

    protected ILogger Logger => _logger;

    protected string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// The claim for <paramref name="article"/> when no other article's runs (a lapsed one is logged), kept in this activation
    /// at least as long as it runs; else the claim that runs, and the article waits for it.
    /// </summary>
    protected (bool Yours, ClaimHold<TNote> Hold) Claim(string article, TimeSpan lease, TNote note)
    {
        var (yours, hold, lapsed) = Claims.Claim(article, lease, note, DateTimeOffset.UtcNow);
        if (lapsed is not null)
            LogClaimLapsed(GetType().Name, Key, lapsed, article);
        if (yours)
            DelayDeactivation(lease);
        return (yours, hold);
    }

    /// <summary>
    /// Keeps the English as a variant unless a kept one serves the entries it was made under, and writes the state when it
    /// changed: unsaved, the variant is only not reused (the answer it came from is still in the chunk cache). Returns the
    /// variant kept for those entries; the caller ends the claim.
    /// </summary>
    protected async Task<TVariant> KeepVariantAsync(TVariant variant, Func<TVariant, DateTimeOffset>? lastServed = null)
    {
        var (kept, added) = Stored.Add(variant, lastServed);
        if (added && !await _checkpoint.SaveAsync())
            LogNotSaved(GetType().Name, Key, _checkpoint.UnsavedBecause);
        return kept;
    }

    /// <summary>Gives up <paramref name="article"/>'s claim: the waiting articles are told, with no English, and ask again.</summary>
    public Task ReleaseAsync(string article)
    {
        if (Claims.IsHeldBy(article))
            Settle(translation: null);
        return Task.CompletedTask;
    }

    /// <summary>Ends the claim and tells every waiting article (<see cref="ClaimBook.TellSettled"/>).</summary>
    protected void Settle(ParagraphTranslation? translation) => ClaimBook.TellSettled(GrainFactory, Key, Claims.Settle(), translation, Logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Grain} {Key}: the claim of article {Claimant} lapsed unrenewed; article {Article} translates it now")]
    private partial void LogClaimLapsed(string grain, string key, string claimant, string article);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} {Key} could not be saved: {Reason}")]
    private partial void LogNotSaved(string grain, string key, string? reason);
}
