using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>One sentence of a paragraph asked of the sentence memory: its key and the asking article's glossary entries that occur in it.</summary>
[GenerateSerializer, Immutable, Alias("grid.sentence-query")]
public sealed record SentenceQuery(
    [property: Id(0)] string Key,
    [property: Id(1)] ImmutableArray<GlossaryEntry> Needed);
