using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Abstractions.Articles;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Translation;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>One translation request of an article or a passage, with what its prompt carries.</summary>
/// <param name="Key">The chunk translation grain that translates it.</param>
/// <param name="ChunkIndex">Its position among the work of its article (a <see cref="PlanUnit"/>'s index) or passage.</param>
/// <param name="Segments">How many segments (the title, paragraphs or pieces of them) the text holds.</param>
/// <param name="Glossary">The article's glossary entries that occur in the text.</param>
/// <param name="Context">The end of the previous unit's Arabic; null for the first.</param>
/// <param name="GlossaryRetry">A second translation, insisting on the glossary, after the first missed a rendering.</param>
[GenerateSerializer, Immutable, Alias("grid.work-item")]
public sealed record WorkItem(
    [property: Id(0)] string Key,
    [property: Id(1)] int ChunkIndex,
    [property: Id(2)] string Text,
    [property: Id(3)] int Segments,
    [property: Id(4)] ImmutableArray<GlossaryEntry> Glossary = default,
    [property: Id(5)] string? Context = null,
    [property: Id(6)] bool GlossaryRetry = false)
{
    /// <summary>The glossary, never default.</summary>
    [JsonIgnore]
    public ImmutableArray<GlossaryEntry> Entries => Glossary.IsDefault ? [] : Glossary;

    /// <param name="lane">Where the work waits for a slot; it is no part of the cache key (<see cref="Keyed"/>).</param>
    public ChunkTranslationRequest Request(string articleId, TranslationMode mode, string? paidBy = null, SlotLane? lane = null) =>
        new(Text, Segments, articleId, Entries, Context, mode, GlossaryRetry, paidBy, lane?.Priority ?? ArticlePriority.Normal, lane?.Owner);

    /// <summary>The item with <see cref="Key"/> set from everything its prompt carries (<see cref="ChunkKey"/>).</summary>
    public WorkItem Keyed(TranslationMode mode, string model, TranslationOptions translation) =>
        this with { Key = ChunkKey.For(Request("", mode), model, translation.ContextInCacheKey) };
}
