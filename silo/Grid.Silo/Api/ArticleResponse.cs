using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Silo.Api;

/// <summary>
/// The JSON of <c>GET /api/articles/{id}</c> (DESIGN.md §5). <c>waitingForBackend</c> (<c>{ since, reason }</c>)
/// is there while the work waits for a backend; <c>missingParagraphs</c> counts paragraphs left without English;
/// <c>revision</c> is the newest revision (1 until a new text is PUT), <c>olderRevisions</c> those still kept, and each paragraph's <c>changed</c> says it is new in this revision.
/// </summary>
public sealed record ArticleResponse(
    string Id,
    ArticleStatus Status,
    ChunkProgress Progress,
    BilingualText? Title,
    string? DateLine,
    string? Byline,
    string? Source,
    string? Url,
    ImmutableArray<ParagraphView> Paragraphs,
    ArticleSummary? Summary,
    ImmutableArray<OmittedText> Omitted,
    ImmutableArray<string> Warnings,
    ArticleUsage Usage,
    string? Failure,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt,
    TranslationMode Mode,
    ImmutableArray<GlossaryEntry> Glossary,
    BackendWait? WaitingForBackend,
    int MissingParagraphs,
    ImmutableArray<WebhookDeliveryView> Deliveries,
    ArticlePriority Priority,
    int Revision,
    ImmutableArray<int> OlderRevisions)
{
    public static ArticleResponse From(ArticleView view) => new(
        view.Id, view.Status, new ChunkProgress(view.ChunksDone, view.ChunksTotal), view.Title, view.DateLine, view.Byline,
        view.Source, view.Url, view.Paragraphs, view.Summary, view.Omitted, view.Warnings, view.Usage, view.Failure,
        view.SubmittedAt, view.FinishedAt, view.Mode, view.Glossary, view.WaitingForBackend, view.MissingParagraphs, view.Deliveries, view.Priority,
        view.Revision, view.OlderRevisions);
}
