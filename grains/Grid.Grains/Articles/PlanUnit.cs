using System.Collections.Immutable;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>One translation request of an article's plan: the work sent to a chunk translation grain, and what each of its segments is.</summary>
/// <param name="Work">The request as keyed and sent; its <see cref="WorkItem.ChunkIndex"/> is this unit's index in the plan.</param>
/// <param name="Pieces">One per segment of <see cref="WorkItem.Text"/>, in order.</param>
[GenerateSerializer, Immutable, Alias("grid.plan-unit")]
public sealed record PlanUnit(
    [property: Id(0)] WorkItem Work,
    [property: Id(1)] ImmutableArray<PlanPiece> Pieces)
{
    [JsonIgnore]
    public int Index => Work.ChunkIndex;

    [JsonIgnore]
    public string Key => Work.Key;

    /// <summary>Carries body text: counted as a chunk of the article (a unit of the title alone is not).</summary>
    [JsonIgnore]
    public bool HasBody => Pieces.Any(piece => !piece.IsTitle);

    /// <summary>The body paragraphs the unit covers, as warnings name them.</summary>
    public string Where()
    {
        var paragraphs = Pieces.Where(piece => !piece.IsTitle).Select(piece => piece.Paragraph!.Value).Distinct().ToList();
        return paragraphs.Count switch
        {
            0 => "title",
            1 => $"chunk {Index} (paragraph {paragraphs[0]})",
            _ => $"chunk {Index} (paragraphs {paragraphs[0]}-{paragraphs[^1]})",
        };
    }
}
