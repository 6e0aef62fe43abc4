using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Translation;

/// <summary>
/// One sentence's English in the sentence memory, stored where paragraph and chunk translations are (<see cref="GridStorage.Translations"/>),
/// in variants (<see cref="SentenceTranslationState"/>); and, while an article translates a paragraph holding it, its claim and the
/// articles waiting, in memory only, as the paragraph cache holds its claims (<see cref="ClaimBook{TNote}"/>), with the keys of the
/// sentences of the claimant's paragraph.
/// </summary>
public sealed class SentenceTranslationGrain(
    [PersistentState("sentence", GridStorage.Translations)] IPersistentState<SentenceTranslationState> state,
    ILogger<SentenceTranslationGrain> logger)
    : VariantGrain<SentenceTranslationState, SentenceTranslation, ImmutableArray<string>>(state, SentenceTranslationState.Merge, logger), ISentenceTranslationGrain
{
    public Task<SentenceTranslation?> FindAsync(ImmutableArray<GlossaryEntry> needed) => Task.FromResult(Stored.Serving(needed));

    public Task<SentenceLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease, ImmutableArray<string> claimedWith = default)
    {
        if (Stored.Serving(needed) is { } variant)
            return Task.FromResult(SentenceLookup.Kept(variant.English));
        var (yours, hold) = Claim(article, lease, claimedWith);
        return Task.FromResult(yours ? SentenceLookup.Yours(article, lease) : SentenceLookup.Taken(hold));
    }

    public Task<SentenceLookup> PeekAsync(ImmutableArray<GlossaryEntry> needed) => Task.FromResult(
        Stored.Serving(needed) is { } variant ? SentenceLookup.Kept(variant.English)
        : Claims.Holder(DateTimeOffset.UtcNow) is { } hold ? SentenceLookup.Taken(hold)
        : SentenceLookup.Free);

    public async Task KeepAsync(SentenceTranslation translation)
    {
        // Unsaved, the sentence is only not remembered: a paragraph that needs it is translated whole.
        await KeepVariantAsync(translation);
        // The waiters ask again, and find the English or translate their paragraph.
        Settle(translation: null);
    }
}
