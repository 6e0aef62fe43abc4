using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>One paragraph's English in the paragraph cache, stored where chunk translations are (<see cref="GridStorage.Translations"/>).</summary>
public sealed partial class ParagraphTranslationGrain : Grain, IParagraphTranslationGrain
{
    private readonly IPersistentState<ParagraphTranslationState> _state;
    private readonly StateCheckpoint<ParagraphTranslationState> _checkpoint;
    private readonly ILogger<ParagraphTranslationGrain> _logger;

    public ParagraphTranslationGrain(
        [PersistentState("paragraph", GridStorage.Translations)] IPersistentState<ParagraphTranslationState> state,
        ILogger<ParagraphTranslationGrain> logger)
    {
        (_state, _logger) = (state, logger);
        _checkpoint = new StateCheckpoint<ParagraphTranslationState>(state, ParagraphTranslationState.Merge, logger);
    }

    public Task<ParagraphTranslation?> GetAsync() => Task.FromResult(_state.State.Translation);

    public async Task KeepAsync(ParagraphTranslation translation)
    {
        if (_state.State.Translation is not null)
            return;
        _state.State.Translation = translation;
        // Unsaved, the paragraph is only not cached: the chunk cache still holds the answer it came from.
        if (!await _checkpoint.SaveAsync())
            LogNotCached(this.GetPrimaryKeyString(), _checkpoint.UnsavedBecause);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paragraph {Key} could not be saved to the paragraph cache: {Reason}")]
    private partial void LogNotCached(string key, string? reason);
}
