using System.Collections.Immutable;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>How paragraphs become units: packed within the chunk budget, each unit with its glossary entries, its context and the title in the first.</summary>
public sealed partial class ArticlePlan
{
    /// <summary>
    /// Packs the given paragraphs (ascending indices) into units, each run of consecutive paragraphs
    /// apart, so that a unit's text is as the article reads. A unit's context is the end of the text just
    /// before its first piece in the article: the previous piece of a paragraph cut in pieces, else the
    /// previous paragraph, whether or not that one is in a unit. The title, when it has Arabic to
    /// translate, is a unit of its own, first: so the chunks of a story carry no headline, and wire
    /// copies under other headlines (or a passage of <c>/translate</c>) share them.
    /// </summary>
    private ImmutableArray<PlanUnit> Pack(IReadOnlyList<int> paragraphs, PlanSettings settings)
    {
        var units = ImmutableArray.CreateBuilder<PlanUnit>();
        if (TitleToTranslate is { } title)
            units.Add(Unit(0, [PlanPiece.Title(title)], context: null, glossaryRetry: false, settings));
        PackRuns(units, paragraphs, settings);
        return units.ToImmutable();
    }

    /// <summary>The plan's units and, after them, units for paragraphs packed late (a claim on them was given up or ran out), numbered on.</summary>
    private ImmutableArray<PlanUnit> PackAfterUnits(IReadOnlyList<int> paragraphs, PlanSettings settings)
    {
        var units = Units.ToBuilder();
        PackRuns(units, paragraphs, settings);
        return units.ToImmutable();
    }

    private void PackRuns(ImmutableArray<PlanUnit>.Builder units, IReadOnlyList<int> paragraphs, PlanSettings settings)
    {
        var chunker = new ArabicChunker(settings.Chunking);
        foreach (var run in Runs(paragraphs))
        {
            PlanPiece? previous = null;
            foreach (var chunk in chunker.Chunk([.. run.Select(index => Paragraphs[index])]))
            {
                var body = chunk.Segments.Select(segment => new PlanPiece(segment.Text, run[segment.ParagraphIndex])).ToList();
                var first = body[0].Paragraph!.Value;
                var context = previous?.Paragraph == first
                    ? NeighbourContext.Before(previous.Arabic, settings.Translation.ContextChars)
                    : ContextOf(first, settings);
                units.Add(Unit(units.Count, [.. body], context, glossaryRetry: false, settings));
                previous = body[^1];
            }
        }
    }

    /// <summary>The indices cut where one does not follow the other.</summary>
    private static IEnumerable<List<int>> Runs(IReadOnlyList<int> paragraphs)
    {
        var run = new List<int>();
        foreach (var index in paragraphs)
        {
            if (run.Count > 0 && index != run[^1] + 1)
            {
                yield return run;
                run = [];
            }
            run.Add(index);
        }
        if (run.Count > 0)
            yield return run;
    }

    private PlanUnit Unit(int index, ImmutableArray<PlanPiece> pieces, string? context, bool glossaryRetry, PlanSettings settings)
    {
        var text = string.Join(TextChunk.SegmentSeparator, pieces.Select(piece => piece.Arabic));
        var work = new WorkItem("", index, text, pieces.Length, ArticleGlossary.OccurringIn(Glossary, text), context, glossaryRetry);
        return new PlanUnit((keys ??= new()).Keyed(work, Mode, settings), pieces);
    }

    /// <summary>
    /// The keys this plan made while in memory: a unit packed again with the same prompt (the glossary
    /// brought no entry of its text, the paragraph cache answered none of its paragraphs) keeps its key
    /// instead of normalizing and hashing its text once more. Never stored: a plan read back keys anew.
    /// </summary>
    private UnitKeys? keys;
}
