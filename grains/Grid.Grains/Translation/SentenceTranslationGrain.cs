using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// One sentence's English in the sentence memory, stored where paragraph and chunk translations are (<see cref="GridStorage.Translations"/>);
/// and, while an article translates a paragraph holding it, its claim and the articles waiting, in memory only, as the paragraph
/// cache holds its claims (<see cref="ParagraphTranslationGrain"/>): lost with the activation, a waiting article asks again when its wait runs out.
/// </summary>
public sealed partial class SentenceTranslationGrain : Grain, ISentenceTranslationGrain
{
    private readonly IPersistentState<SentenceTranslationState> _state;
    private readonly StateCheckpoint<SentenceTranslationState> _checkpoint;
    private readonly ILogger<SentenceTranslationGrain> _logger;
    private readonly HashSet<string> _waiting = [];
    private string? _claimant;
    private DateTimeOffset _claimExpires;

    public SentenceTranslationGrain(
        [PersistentState("sentence", GridStorage.Translations)] IPersistentState<SentenceTranslationState> state,
        ILogger<SentenceTranslationGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<SentenceTranslationState>(state, SentenceTranslationState.Merge, logger);
    }

    private string Key => this.GetPrimaryKeyString();

    public Task<SentenceTranslation?> FindAsync(ImmutableArray<GlossaryEntry> needed) => Task.FromResult(_state.State.Serving(needed));

    public Task<SentenceLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease)
    {
        var now = DateTimeOffset.UtcNow;
        if (_state.State.Serving(needed) is { } variant)
            return Task.FromResult(SentenceLookup.Kept(variant.English));
        if (_claimant is { } claimant && claimant != article && _claimExpires > now)
        {
            _waiting.Add(article);
            return Task.FromResult(SentenceLookup.Taken(claimant, _claimExpires - now));
        }
        (_claimant, _claimExpires) = (article, now + lease);
        _waiting.Remove(article);
        // The claim lives in this activation: keep it at least as long as the claim runs.
        DelayDeactivation(lease);
        return Task.FromResult(SentenceLookup.Yours(article, lease));
    }

    public Task<SentenceLookup> PeekAsync(ImmutableArray<GlossaryEntry> needed)
    {
        var now = DateTimeOffset.UtcNow;
        return Task.FromResult(
            _state.State.Serving(needed) is { } variant ? SentenceLookup.Kept(variant.English)
            : _claimant is { } claimant && _claimExpires > now ? SentenceLookup.Taken(claimant, _claimExpires - now)
            : SentenceLookup.Free);
    }

    public async Task KeepAsync(SentenceTranslation translation)
    {
        // Unsaved, the sentence is only not remembered: a paragraph that needs it is translated whole.
        if (_state.State.Add(translation) && !await _checkpoint.SaveAsync())
            LogNotKept(Key, _checkpoint.UnsavedBecause);
        Settle();
    }

    public Task ReleaseAsync(string article)
    {
        if (_claimant == article)
            Settle();
        return Task.CompletedTask;
    }

    /// <summary>Ends the claim and tells every waiting article, which asks again (and finds the English, or translates its paragraph); one way.</summary>
    private void Settle()
    {
        _claimant = null;
        foreach (var article in _waiting)
        {
            try
            {
                _ = GrainFactory.GetGrain<IParagraphClaimWaiter>(article).OnParagraphSettledAsync(Key, translation: null);
            }
            catch (Exception error)
            {
                // The article still asks again when its wait runs out.
                LogNotTold(Key, article, error.Message);
            }
        }
        _waiting.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not be saved to the sentence memory: {Reason}")]
    private partial void LogNotKept(string key, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not tell article {Article} that it settled: {Reason}")]
    private partial void LogNotTold(string key, string article, string reason);
}
