namespace Grid.Abstractions.Translation;

/// <summary>What to translate: the chunk's Arabic text, with its paragraph pieces separated by blank lines.</summary>
/// <param name="Text">The Arabic text of the chunk.</param>
/// <param name="Segments">How many paragraph pieces the text holds; the English must come back with as many.</param>
/// <param name="RequestedBy">The article that asked, so the translation grain can tell it when the work is done.</param>
[GenerateSerializer, Immutable, Alias("grid.chunk-translation-request")]
public sealed record ChunkTranslationRequest(
    [property: Id(0)] string Text,
    [property: Id(1)] int Segments,
    [property: Id(2)] string RequestedBy);
