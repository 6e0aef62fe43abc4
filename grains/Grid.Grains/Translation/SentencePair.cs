namespace Grid.Grains.Translation;

/// <summary>One sentence of an accepted paragraph, for the sentence memory: its key and its English.</summary>
[GenerateSerializer, Immutable, Alias("grid.sentence-pair")]
public sealed record SentencePair(
    [property: Id(0)] string Key,
    [property: Id(1)] SentenceTranslation Translation);
