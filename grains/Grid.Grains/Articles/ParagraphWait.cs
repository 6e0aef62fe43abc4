namespace Grid.Grains.Articles;

/// <summary>A paragraph another article claimed in the paragraph cache: this article waits for its English until <paramref name="Until"/>, then asks again.</summary>
/// <param name="Key">The paragraph's cache key (<see cref="Grid.Grains.Translation.ParagraphKey"/>).</param>
/// <param name="Claimant">The article translating it.</param>
/// <param name="Until">When the claim runs out, on this article's clock; set to the moment a claim is given up.</param>
[GenerateSerializer, Immutable, Alias("grid.paragraph-wait")]
public sealed record ParagraphWait(
    [property: Id(0)] string Key,
    [property: Id(1)] string Claimant,
    [property: Id(2)] DateTimeOffset Until);
