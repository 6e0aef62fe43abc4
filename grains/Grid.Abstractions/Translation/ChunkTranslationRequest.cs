using System.Collections.Immutable;
using Grid.Abstractions.Articles;

namespace Grid.Abstractions.Translation;

/// <summary>What to translate: the chunk's Arabic text, with its paragraph pieces separated by blank lines, and what the prompt carries besides.</summary>
/// <param name="Text">The Arabic text of the chunk.</param>
/// <param name="Segments">How many paragraph pieces the text holds; the English must come back with as many.</param>
/// <param name="RequestedBy">The article that asked, so the translation grain can tell it when the work is done.</param>
/// <param name="Glossary">The article's glossary entries that occur in this chunk, and no others.</param>
/// <param name="Context">The end of the previous chunk's Arabic, for reference only; null for the first chunk.</param>
/// <param name="Mode">One call, or translate-critique-improve.</param>
/// <param name="GlossaryRetry">A second translation after an answer that missed a glossary rendering: the prompt insists on the glossary.</param>
/// <param name="PaidBy">
/// Who pays, named in the result: the article and which submission of it, since an article deleted
/// and submitted again is a new one that paid nothing for what the old one left in the cache.
/// Null means <paramref name="RequestedBy"/>.
/// </param>
/// <param name="Priority">The asking article's priority: where the work waits for a slot (not part of the cache key).</param>
/// <param name="Owner">Whose work it is (an API key's name, a feed): owners take turns within a priority (not part of the cache key).</param>
[GenerateSerializer, Immutable, Alias("grid.chunk-translation-request")]
public sealed record ChunkTranslationRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] int Segments,
    [property: Id(2)] string RequestedBy,
    [property: Id(3)] ImmutableArray<GlossaryEntry> Glossary = default,
    [property: Id(4)] string? Context = null,
    [property: Id(5)] TranslationMode Mode = TranslationMode.Fast,
    [property: Id(6)] bool GlossaryRetry = false,
    [property: Id(7)] string? PaidBy = null,
    [property: Id(8)] ArticlePriority Priority = ArticlePriority.Normal,
    [property: Id(9)] string? Owner = null)
{
    /// <summary>Who pays for the work (<see cref="PaidBy"/>, else the requesting article).</summary>
    public string Payer => PaidBy ?? RequestedBy;

    /// <summary>The glossary, never default.</summary>
    public ImmutableArray<GlossaryEntry> Entries => Glossary.IsDefault ? [] : Glossary;
}
