using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>One piece of an article to translate: the title, or a chunk of the body, with what its prompt carries.</summary>
/// <param name="Key">The chunk translation grain that translates it.</param>
/// <param name="ChunkIndex">The body chunk's index, or <see cref="Title"/>.</param>
/// <param name="Segments">How many paragraph pieces the text holds.</param>
/// <param name="Glossary">The article's glossary entries that occur in the text.</param>
/// <param name="Context">The end of the previous chunk's Arabic; null for the title and the first chunk.</param>
/// <param name="Insist">A second translation after the first ignored the glossary.</param>
[GenerateSerializer, Immutable, Alias("grid.work-item")]
public sealed record WorkItem(
    [property: Id(0)] string Key,
    [property: Id(1)] int ChunkIndex,
    [property: Id(2)] string Text,
    [property: Id(3)] int Segments,
    [property: Id(4)] ImmutableArray<GlossaryEntry> Glossary = default,
    [property: Id(5)] string? Context = null,
    [property: Id(6)] bool Insist = false)
{
    public const int Title = -1;

    public ChunkTranslationRequest Request(string articleId, TranslationMode mode, string? paidBy = null) =>
        new(Text, Segments, articleId, Glossary.IsDefault ? [] : Glossary, Context, mode, Insist, paidBy);

    /// <summary>The item with <see cref="Key"/> set from everything its prompt carries (<see cref="ChunkKey"/>).</summary>
    public WorkItem Keyed(TranslationMode mode, string model, TranslationOptions translation) =>
        this with { Key = ChunkKey.For(Request("", mode), model, translation.ContextInCacheKey) };
}
