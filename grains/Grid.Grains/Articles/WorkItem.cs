namespace Grid.Grains.Articles;

/// <summary>One piece of an article to translate: the title, or a chunk of the body.</summary>
/// <param name="Key">The chunk translation grain that translates it.</param>
/// <param name="ChunkIndex">The body chunk's index, or <see cref="Title"/>.</param>
/// <param name="Segments">How many paragraph pieces the text holds.</param>
[GenerateSerializer, Immutable, Alias("grid.work-item")]
public sealed record WorkItem(
    [property: Id(0)] string Key,
    [property: Id(1)] int ChunkIndex,
    [property: Id(2)] string Text,
    [property: Id(3)] int Segments)
{
    public const int Title = -1;
}
