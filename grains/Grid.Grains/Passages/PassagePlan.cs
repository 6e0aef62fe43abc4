using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Passages;

/// <summary>
/// A short text to translate outside any article (LibreTranslate's <c>/translate</c>), cut into the
/// same work an article's body would be: each line with Arabic in it is a paragraph, chunked to the
/// same budget, keyed as an article keys its chunks (the configured glossary, the end of the text
/// just before as context, the fast mode). So a paragraph translated for an article answers here from the
/// cache, and the other way round.
/// </summary>
/// <param name="Lines">The normalized text's lines; those without Arabic come back as they are.</param>
/// <param name="ParagraphLines">For each paragraph, the index of its line.</param>
public sealed record PassagePlan(ImmutableArray<string> Lines, ImmutableArray<int> ParagraphLines, ImmutableArray<TextChunk> Chunks, ImmutableArray<WorkItem> Work)
{
    public static PassagePlan Create(string text, ArticleOptions options, string model, TranslationOptions translation)
    {
        ImmutableArray<string> lines = [.. TextNormalizer.Normalize(text).Split('\n')];
        ImmutableArray<int> paragraphLines = [.. Enumerable.Range(0, lines.Length).Where(index => ArabicScript.ContainsArabic(lines[index]))];
        var chunker = new ArabicChunker(new ChunkingOptions { MaxTokensPerChunk = options.ChunkTokens, CharsPerToken = options.CharsPerToken });
        var chunks = chunker.Chunk([.. paragraphLines.Select(index => lines[index])]);
        var glossary = translation.ConfiguredGlossary();
        var work = ImmutableArray.CreateBuilder<WorkItem>(chunks.Length);
        ChunkSegment? previous = null;
        foreach (var chunk in chunks)
        {
            // As an article's units: the end of the text just before, the previous piece of a cut paragraph or the previous paragraph.
            var first = chunk.Segments[0].ParagraphIndex;
            var before = previous?.ParagraphIndex == first ? previous.Text : first > 0 ? lines[paragraphLines[first - 1]] : null;
            var item = new WorkItem("", chunk.Index, chunk.Text, chunk.Segments.Length, ArticleGlossary.OccurringIn(glossary, chunk.Text), NeighbourContext.Before(before, translation.ContextChars));
            work.Add(item.Keyed(TranslationMode.Fast, model, translation));
            previous = chunk.Segments[^1];
        }
        return new(lines, paragraphLines, chunks, work.ToImmutable());
    }

    /// <summary>The English text, line for line, from one successful result per work item (in <see cref="Work"/>'s order).</summary>
    public string English(IReadOnlyList<ChunkTranslationResult> results)
    {
        var pieces = ParagraphLines.Select(_ => new List<string>()).ToList();
        for (var c = 0; c < Chunks.Length; c++)
        {
            for (var s = 0; s < Chunks[c].Segments.Length; s++)
                pieces[Chunks[c].Segments[s].ParagraphIndex].Add(results[c].English[s]);
        }
        var lines = Lines.ToArray();
        for (var p = 0; p < ParagraphLines.Length; p++)
            lines[ParagraphLines[p]] = string.Join(' ', pieces[p]);
        return string.Join('\n', lines);
    }
}
