using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>A submission checked, parsed and cut into work, ready to store; or the reason it cannot be.</summary>
public sealed record ArticleDraft(ArticleState? State, SubmitRejection? Rejection)
{
    public static ArticleDraft Create(ArticleSubmission submission, ArticleOptions options, string model)
    {
        if (SubmissionValidator.Check(submission, options) is { } rejection)
            return new(null, rejection);

        var parsed = ArticleParser.Parse(TextNormalizer.Normalize(submission.Text));
        if (parsed.Paragraphs.IsEmpty)
            return Refuse(RejectionKind.NoBody, "No article body was found: the text has no paragraph of Arabic prose.");

        var chunker = new ArabicChunker(new ChunkingOptions { MaxTokensPerChunk = options.ChunkTokens, CharsPerToken = options.CharsPerToken });
        var chunks = chunker.Chunk(parsed.Paragraphs);
        if (chunks.Length > options.MaxChunks)
            return Refuse(RejectionKind.TooManyChunks,
                $"The article needs {chunks.Length} chunks; the limit is {options.MaxChunks} (Grid:Articles:MaxChunks). Split it or raise the limit.");

        var now = DateTimeOffset.UtcNow;
        var state = new ArticleState
        {
            Submission = submission,
            Parsed = parsed,
            Chunks = chunks,
            Work = WorkFor(TitleOf(submission, parsed), chunks, model),
            Status = ArticleStatus.Queued,
            SubmittedAt = now,
            RoundStartedAt = now,
        };
        return new(state, null);
    }

    /// <summary>The caller's title wins over the parsed one.</summary>
    public static string? TitleOf(ArticleSubmission submission, ParsedArticle parsed) =>
        string.IsNullOrWhiteSpace(submission.Title) ? parsed.Title : TextNormalizer.Normalize(submission.Title);

    private static ImmutableArray<WorkItem> WorkFor(string? title, ImmutableArray<TextChunk> chunks, string model)
    {
        var work = ImmutableArray.CreateBuilder<WorkItem>(chunks.Length + 1);
        if (title is not null && ArabicScript.ContainsArabic(title))
            work.Add(new WorkItem(ChunkKey.For(title, model), WorkItem.Title, title, 1));
        foreach (var chunk in chunks)
            work.Add(new WorkItem(ChunkKey.For(chunk.Text, model), chunk.Index, chunk.Text, chunk.Segments.Length));
        return work.ToImmutable();
    }

    private static ArticleDraft Refuse(RejectionKind kind, string detail) => new(null, new SubmitRejection(kind, detail));
}
