using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>A submission checked, parsed and cut into work, ready to store; or the reason it cannot be.</summary>
public sealed record ArticleDraft(ArticleState? State, SubmitRejection? Rejection)
{
    public static ArticleDraft Create(ArticleSubmission submission, ArticleOptions options, string model, TranslationOptions? translation = null)
    {
        translation ??= new TranslationOptions();
        if (SubmissionValidator.Check(submission, options) is { } rejection)
            return new(null, rejection);

        var userGlossary = UserGlossary(submission);
        if (GlossaryRules.ProblemWith(userGlossary) is { } glossaryProblem)
            return Refuse(RejectionKind.InvalidGlossary, $"The glossary cannot be used: {glossaryProblem}. Give each entry an Arabic 'source', a Latin-script 'english' and, optionally, a 'kind' ({string.Join(", ", GlossaryRules.Kinds)}).");

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
            Glossary = ArticleGlossary.Merge(translation.ConfiguredGlossary(), userGlossary),
            // One chunk is translated in one prompt: names cannot disagree across chunks, so no glossary call.
            GlossaryPending = chunks.Length > 1,
            Status = ArticleStatus.Queued,
            SubmittedAt = now,
            RoundStartedAt = now,
        };
        state.Work = WorkFor(state, model, translation);
        return new(state, null);
    }

    /// <summary>The caller's title wins over the parsed one.</summary>
    public static string? TitleOf(ArticleSubmission submission, ParsedArticle parsed) =>
        string.IsNullOrWhiteSpace(submission.Title) ? parsed.Title : TextNormalizer.Normalize(submission.Title);

    public static ImmutableArray<GlossaryEntry> UserGlossary(ArticleSubmission submission) =>
        submission.Glossary.IsDefault ? [] : [.. submission.Glossary.Select(entry => GlossaryRules.Tidy(entry, GlossaryOrigin.User))];

    /// <summary>
    /// The title and the chunks as translation work under the article's glossary: each carries the
    /// entries that occur in it and, after the first chunk, the end of the chunk before as context.
    /// </summary>
    public static ImmutableArray<WorkItem> WorkFor(ArticleState article, string model, TranslationOptions translation)
    {
        var work = ImmutableArray.CreateBuilder<WorkItem>(article.Chunks.Length + 1);
        var title = TitleOf(article.Submission!, article.Parsed!);
        if (title is not null && ArabicScript.ContainsArabic(title))
            work.Add(Item(WorkItem.Title, title, 1, context: null));
        string? previous = null;
        foreach (var chunk in article.Chunks)
        {
            work.Add(Item(chunk.Index, chunk.Text, chunk.Segments.Length, NeighbourContext.Before(previous, translation.ContextChars)));
            previous = chunk.Text;
        }
        return work.ToImmutable();

        WorkItem Item(int index, string text, int segments, string? context) =>
            new WorkItem("", index, text, segments, ArticleGlossary.OccurringIn(article.Glossary, text), context).Keyed(article.Mode, model, translation);
    }

    private static ArticleDraft Refuse(RejectionKind kind, string detail) => new(null, new SubmitRejection(kind, detail));
}
