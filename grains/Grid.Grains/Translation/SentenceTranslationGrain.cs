using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// One sentence's English in the sentence memory, stored where paragraph and chunk translations are (<see cref="GridStorage.Translations"/>),
/// in variants (<see cref="SentenceTranslationState"/>); and, while an article translates a paragraph holding it, its claim and the
/// articles waiting, in memory only, as the paragraph cache holds its claims (<see cref="ClaimBook{TNote}"/>), with the keys of the
/// other sentences of the claimant's paragraph.
/// </summary>
public sealed partial class SentenceTranslationGrain : Grain, ISentenceTranslationGrain
{
    private readonly IPersistentState<SentenceTranslationState> _state;
    private readonly StateCheckpoint<SentenceTranslationState> _checkpoint;
    private readonly ILogger<SentenceTranslationGrain> _logger;
    private readonly ClaimBook<ImmutableArray<string>> _claims = new();

    public SentenceTranslationGrain(
        [PersistentState("sentence", GridStorage.Translations)] IPersistentState<SentenceTranslationState> state,
        ILogger<SentenceTranslationGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<SentenceTranslationState>(state, SentenceTranslationState.Merge, logger);
    }

    private string Key => this.GetPrimaryKeyString();

    public Task<SentenceTranslation?> FindAsync(ImmutableArray<GlossaryEntry> needed) => Task.FromResult(_state.State.Serving(needed));

    public Task<SentenceLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease, ImmutableArray<string> claimedWith = default)
    {
        var now = DateTimeOffset.UtcNow;
        if (_state.State.Serving(needed) is { } variant)
            return Task.FromResult(SentenceLookup.Kept(variant.English));
        var (yours, hold, lapsed) = _claims.Claim(article, lease, claimedWith, now);
        if (!yours)
            return Task.FromResult(SentenceLookup.Taken(hold));
        if (lapsed is not null)
            ClaimBook.LogClaimLapsed(_logger, Key, lapsed, article);
        // The claim lives in this activation: keep it at least as long as the claim runs.
        DelayDeactivation(lease);
        return Task.FromResult(SentenceLookup.Yours(article, lease));
    }

    public Task<SentenceLookup> PeekAsync(ImmutableArray<GlossaryEntry> needed) => Task.FromResult(
        _state.State.Serving(needed) is { } variant ? SentenceLookup.Kept(variant.English)
        : _claims.Holder(DateTimeOffset.UtcNow) is { } hold ? SentenceLookup.Taken(hold)
        : SentenceLookup.Free);

    public async Task KeepAsync(SentenceTranslation translation)
    {
        // Unsaved, the sentence is only not remembered: a paragraph that needs it is translated whole.
        if (_state.State.Add(translation).Added && !await _checkpoint.SaveAsync())
            LogNotKept(Key, _checkpoint.UnsavedBecause);
        Settle();
    }

    public Task ReleaseAsync(string article)
    {
        if (_claims.IsHeldBy(article))
            Settle();
        return Task.CompletedTask;
    }

    /// <summary>Ends the claim and tells every waiting article, which asks again (and finds the English, or translates its paragraph).</summary>
    private void Settle() => ClaimBook.TellSettled(GrainFactory, Key, _claims.Settle(), translation: null, _logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not be saved to the sentence memory: {Reason}")]
    private partial void LogNotKept(string key, string? reason);
}
