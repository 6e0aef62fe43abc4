using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Articles;

/// <summary>
/// Everything Grid knows about an article: the bilingual text, summary, what was left out, and what it cost. Its JSON is
/// the answer of <c>GET /api/articles/{id}</c> (DESIGN.md §5). Ids 2 and 3 were the two counts before <see cref="Progress"/>: never reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.article-view")]
public sealed record ArticleView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required ArticleStatus Status { get; init; }
    [Id(25)] public required ChunkProgress Progress { get; init; }
    [Id(4)] public BilingualText? Title { get; init; }
    [Id(5)] public string? DateLine { get; init; }
    [Id(6)] public string? Byline { get; init; }
    [Id(7)] public string? Source { get; init; }
    [Id(8)] public string? Url { get; init; }
    [Id(9)] public ImmutableArray<ParagraphView> Paragraphs { get; init; } = [];
    [Id(10)] public ArticleSummary? Summary { get; init; }
    [Id(11)] public ImmutableArray<OmittedText> Omitted { get; init; } = [];
    [Id(12)] public ImmutableArray<string> Warnings { get; init; } = [];
    [Id(13)] public required ArticleUsage Usage { get; init; }
    [Id(14)] public string? Failure { get; init; }
    [Id(15)] public DateTimeOffset SubmittedAt { get; init; }
    [Id(16)] public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The renderings every paragraph uses: the caller's, the configured and the extracted ones, merged.</summary>
    [Id(17)] public ImmutableArray<GlossaryEntry> Glossary { get; init; } = [];
    [Id(18)] public TranslationMode Mode { get; init; }
    /// <summary>While work waits for a backend (none reachable, all out of rotation or busy): since when, and why; null otherwise.</summary>
    [Id(19)] public BackendWait? WaitingForBackend { get; init; }
    /// <summary>Body paragraphs left without English because their chunk could not be translated.</summary>
    [Id(20)] public int MissingParagraphs { get; init; }
    /// <summary>The webhooks sent for this article to its <see cref="ArticleSubmission.CallbackUrl"/>.</summary>
    [Id(21)] public ImmutableArray<WebhookDeliveryView> Deliveries { get; init; } = [];
    /// <summary>Which waiting LLM work goes first: the submission's (or its feed's) priority.</summary>
    [Id(22)] public ArticlePriority Priority { get; init; }
    /// <summary>Which revision this is: 1 until the article is given a new text (<see cref="IArticleGrain.UpdateAsync"/>).</summary>
    [Id(23)] public int Revision { get; init; } = 1;
    /// <summary>The older revisions still kept, oldest first (<see cref="IArticleGrain.GetRevisionAsync"/>).</summary>
    [Id(24)] public ImmutableArray<int> OlderRevisions { get; init; } = [];
}
