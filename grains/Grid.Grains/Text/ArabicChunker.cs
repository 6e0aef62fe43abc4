using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Grid.Grains.Text;

/// <summary>
/// Cuts body paragraphs into chunks that fit a token budget. Whole consecutive paragraphs are packed
/// together; a paragraph too long for the budget is cut between sentences (. ! ? ؟ and line breaks),
/// a sentence too long between clauses (، ؛ , ;), a clause too long between words. Pieces are exact
/// substrings of the paragraph, so joining them with spaces gives the paragraph back.
/// </summary>
public sealed partial class ArabicChunker
{
    private readonly int maxTokens;
    private readonly TokenEstimator estimator;

    /// <summary>Creates a chunker for the given budget.</summary>
    public ArabicChunker(ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokensPerChunk, 1, nameof(options.MaxTokensPerChunk));
        maxTokens = options.MaxTokensPerChunk;
        estimator = new TokenEstimator(options.CharsPerToken);
    }

    /// <summary>
    /// Chunks <paramref name="paragraphs"/> in order. Every chunk's estimate is within the budget unless
    /// it holds a single word longer than the budget. Blank paragraphs produce no segment.
    /// </summary>
    public ImmutableArray<TextChunk> Chunk(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var chunks = ImmutableArray.CreateBuilder<TextChunk>();
        var segments = ImmutableArray.CreateBuilder<ChunkSegment>();
        var length = 0;

        void Close()
        {
            if (segments.Count > 0)
            {
                chunks.Add(new TextChunk(chunks.Count, segments.DrainToImmutable()));
                length = 0;
            }
        }

        for (var paragraph = 0; paragraph < paragraphs.Count; paragraph++)
        {
            foreach (var piece in PiecesOf(paragraphs[paragraph]))
            {
                var joined = segments.Count == 0 ? piece.Length : length + TextChunk.SegmentSeparator.Length + piece.Length;
                // Two pieces of one paragraph never share a chunk: the paragraph was cut because it did not fit.
                if (segments.Count > 0 && (!Fits(joined) || segments[^1].ParagraphIndex == paragraph))
                {
                    Close();
                    joined = piece.Length;
                }
                segments.Add(new ChunkSegment(paragraph, piece));
                length = joined;
            }
        }
        Close();
        return chunks.ToImmutable();
    }

    private IEnumerable<string> PiecesOf(string paragraph)
    {
        // A blank line inside a segment would read as a segment boundary in the chunk text.
        var text = BlankLines().Replace(paragraph, "\n").Trim();
        if (text.Length == 0)
        {
            return [];
        }
        if (Fits(text.Length))
        {
            return [text];
        }
        return Pack(text, SplitToFit(text, new Range(0, text.Length), Boundary.Sentence));
    }

    /// <summary>Cuts a span at the given boundary; parts still too long are cut at the next finer boundary.</summary>
    private IEnumerable<Range> SplitToFit(string text, Range span, Boundary boundary)
    {
        foreach (var part in SplitAt(text, span, BoundaryPattern(boundary)))
        {
            var (_, partLength) = part.GetOffsetAndLength(text.Length);
            if (Fits(partLength) || boundary == Boundary.Word)
            {
                yield return part;
                continue;
            }
            foreach (var smaller in SplitToFit(text, part, boundary + 1))
            {
                yield return smaller;
            }
        }
    }

    /// <summary>Greedily joins consecutive parts back into the longest substrings that fit.</summary>
    private IEnumerable<string> Pack(string text, IEnumerable<Range> parts)
    {
        int? start = null;
        var end = 0;
        foreach (var part in parts)
        {
            var (partStart, partLength) = part.GetOffsetAndLength(text.Length);
            if (start is { } open && !Fits(partStart + partLength - open))
            {
                yield return text[open..end];
                start = null;
            }
            start ??= partStart;
            end = partStart + partLength;
        }
        if (start is { } last)
        {
            yield return text[last..end];
        }
    }

    private static List<Range> SplitAt(string text, Range span, Regex boundary)
    {
        var (offset, length) = span.GetOffsetAndLength(text.Length);
        var parts = new List<Range>();
        var partStart = offset;
        foreach (var cut in boundary.EnumerateMatches(text.AsSpan(offset, length)))
        {
            var cutStart = offset + cut.Index;
            if (cutStart > partStart)
            {
                parts.Add(new Range(partStart, cutStart));
            }
            partStart = cutStart + cut.Length;
        }
        if (offset + length > partStart)
        {
            parts.Add(new Range(partStart, offset + length));
        }
        return parts;
    }

    private bool Fits(int characters) => estimator.EstimateLength(characters) <= maxTokens;

    private static Regex BoundaryPattern(Boundary boundary) => boundary switch
    {
        Boundary.Sentence => SentenceBoundary(),
        Boundary.Clause => ClauseBoundary(),
        _ => WordBoundary(),
    };

    // Whitespace after a sentence end (possibly inside closing quotes or brackets), or any line break.
    [GeneratedRegex(@"(?<=[.!?؟…][""'”’»)\]]*)\s+|\s*\n\s*")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"(?<=[،؛,;])\s+")]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WordBoundary();

    [GeneratedRegex(@"\s*\n\s*\n\s*")]
    private static partial Regex BlankLines();
}
