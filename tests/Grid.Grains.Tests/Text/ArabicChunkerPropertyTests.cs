using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

/// <summary>Generated articles of 1 to 40 paragraphs under random budgets; each seed is one case.</summary>
public sealed class ArabicChunkerPropertyTests
{
    private const int Cases = 400;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, Cases)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ChunksStayWithinBudgetAndGiveBackEveryParagraphWholeAndInOrder(int seed)
    {
        var generator = new ArabicArticleGenerator(seed);
        var options = new ChunkingOptions
        {
            MaxTokensPerChunk = generator.Pick([1, 4, 10, 25, 60, 150, 400, 600]) + generator.Next(0, 20),
            CharsPerToken = generator.Pick([1.5, 2.5, 3.0, 4.0]),
        };
        var longWordChance = generator.Chance(0.2) ? 0.02 : 0;
        var paragraphs = Enumerable.Range(0, generator.Next(1, 40))
            .Select(_ => generator.Paragraph(maxSentenceWords: generator.Pick([3, 15, 60]), longWordChance))
            .ToList();

        var chunks = new ArabicChunker(options).Chunk(paragraphs.Select(paragraph => paragraph.Text).ToList());

        var estimator = new TokenEstimator(options.CharsPerToken);
        Assert.Equal(Enumerable.Range(0, chunks.Length), chunks.Select(chunk => chunk.Index));
        Assert.All(chunks, chunk => Assert.True(
            estimator.Estimate(chunk.Text) <= options.MaxTokensPerChunk || IsLoneWord(chunk),
            $"chunk {chunk.Index} is {estimator.Estimate(chunk.Text)} tokens, over {options.MaxTokensPerChunk}"));

        var segments = chunks.SelectMany(chunk => chunk.Segments.Select(segment => (chunk.Index, Segment: segment))).ToList();
        Assert.Equal(
            segments.Select(s => s.Segment.ParagraphIndex).Order(),
            segments.Select(s => s.Segment.ParagraphIndex));

        for (var index = 0; index < paragraphs.Count; index++)
        {
            var paragraph = paragraphs[index];
            var own = segments.Where(s => s.Segment.ParagraphIndex == index).ToList();
            Assert.NotEmpty(own);
            Assert.Equal(paragraph.Text, string.Join(' ', own.Select(s => s.Segment.Text)));
            Assert.Equal(
                Enumerable.Range(own[0].Index, own.Count),
                own.Select(s => s.Index));

            var cuts = CutPositions(paragraph.Text, own.Select(s => s.Segment.Text));
            foreach (var sentence in paragraph.Sentences)
            {
                var (start, length) = sentence.GetOffsetAndLength(paragraph.Text.Length);
                if (estimator.EstimateLength(length) <= options.MaxTokensPerChunk)
                {
                    Assert.DoesNotContain(cuts, cut => cut > start && cut < start + length);
                }
            }
        }
    }

    private static bool IsLoneWord(TextChunk chunk) =>
        chunk.Segments.Length == 1 && !chunk.Segments[0].Text.Any(char.IsWhiteSpace);

    /// <summary>Where each segment but the last ends, walking the paragraph so every segment is found once, in order.</summary>
    private static List<int> CutPositions(string paragraph, IEnumerable<string> segments)
    {
        var cuts = new List<int>();
        var position = 0;
        foreach (var segment in segments)
        {
            var found = paragraph.IndexOf(segment, position, StringComparison.Ordinal);
            Assert.True(found >= position, "a segment is not the next piece of its paragraph");
            Assert.True(string.IsNullOrWhiteSpace(paragraph[position..found]), "text between segments was lost");
            position = found + segment.Length;
            cuts.Add(position);
        }
        Assert.Equal(paragraph.Length, position);
        cuts.RemoveAt(cuts.Count - 1);
        return cuts;
    }
}
