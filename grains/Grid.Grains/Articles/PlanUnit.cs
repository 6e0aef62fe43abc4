using System.Collections.Immutable;
using Grid.Grains.Text;
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

    /// <summary>
    /// The unit as stored: a piece that is a whole paragraph of <paramref name="paragraphs"/> without its Arabic, and the
    /// text without itself when it is the pieces joined, as a unit is made. Only for storing: <see cref="WithRepeats"/> puts them back.
    /// </summary>
    public PlanUnit WithoutRepeats(ImmutableArray<string> paragraphs)
    {
        var textIsPieces = IsPiecesJoined(Work.Text);
        var wholeParagraphs = Pieces.Count(piece => piece.IsWholeParagraphOf(paragraphs));
        if (!textIsPieces && wholeParagraphs == 0)
            return this;
        var work = textIsPieces ? Work with { Text = null! } : Work;
        return new(work, wholeParagraphs == 0 ? Pieces : [.. Pieces.Select(piece => piece.IsWholeParagraphOf(paragraphs) ? piece with { Arabic = null! } : piece)]);
    }

    /// <summary>The unit as read: the Arabic and text <see cref="WithoutRepeats"/> left out, put back (a unit stored whole is returned as it is).</summary>
    public PlanUnit WithRepeats(ImmutableArray<string> paragraphs)
    {
        // Read from JSON that left them out, so null despite their types.
        var whole = Pieces.All(piece => piece.Arabic is not null);
        if (whole && Work.Text is not null)
            return this;
        var pieces = whole ? Pieces : [.. Pieces.Select(piece => piece.Arabic is null ? piece with { Arabic = paragraphs[piece.Paragraph!.Value] } : piece)];
        var work = Work.Text is null ? Work with { Text = string.Join(TextChunk.SegmentSeparator, pieces.Select(piece => piece.Arabic)) } : Work;
        return new(work, pieces);
    }

    /// <summary>The text is the pieces' Arabic joined by <see cref="TextChunk.SegmentSeparator"/>; compared in place, without joining them.</summary>
    private bool IsPiecesJoined(string text)
    {
        var rest = text.AsSpan();
        for (var i = 0; i < Pieces.Length; i++)
        {
            if (i > 0)
            {
                if (!rest.StartsWith(TextChunk.SegmentSeparator, StringComparison.Ordinal))
                    return false;
                rest = rest[TextChunk.SegmentSeparator.Length..];
            }
            if (!rest.StartsWith(Pieces[i].Arabic, StringComparison.Ordinal))
                return false;
            rest = rest[Pieces[i].Arabic.Length..];
        }
        return rest.IsEmpty;
    }
}
