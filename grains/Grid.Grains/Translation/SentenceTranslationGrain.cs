using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>One sentence's English in the sentence memory, stored where paragraph and chunk translations are (<see cref="GridStorage.Translations"/>).</summary>
public sealed partial class SentenceTranslationGrain : Grain, ISentenceTranslationGrain
{
    private readonly IPersistentState<SentenceTranslationState> _state;
    private readonly StateCheckpoint<SentenceTranslationState> _checkpoint;
    private readonly ILogger<SentenceTranslationGrain> _logger;

    public SentenceTranslationGrain(
        [PersistentState("sentence", GridStorage.Translations)] IPersistentState<SentenceTranslationState> state,
        ILogger<SentenceTranslationGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<SentenceTranslationState>(state, SentenceTranslationState.Merge, logger);
    }

    public Task<SentenceTranslation?> FindAsync(ImmutableArray<GlossaryEntry> needed) => Task.FromResult(_state.State.Serving(needed));

    public async Task KeepAsync(SentenceTranslation translation)
    {
        // Unsaved, the sentence is only not remembered: a paragraph that needs it is translated whole.
        if (_state.State.Add(translation) && !await _checkpoint.SaveAsync())
            LogNotKept(this.GetPrimaryKeyString(), _checkpoint.UnsavedBecause);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not be saved to the sentence memory: {Reason}")]
    private partial void LogNotKept(string key, string? reason);
}
