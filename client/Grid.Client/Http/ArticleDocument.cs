using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Client.Http;

/// <summary>The JSON of <c>GET /api/articles/{id}</c>, read back into an <see cref="ArticleView"/>.</summary>
internal sealed record ArticleDocument(
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
    ArticlePriority Priority = ArticlePriority.Normal,
    int Revision = 1,
    ImmutableArray<int> OlderRevisions = default)
{
    public ArticleView ToView() => new()
    {
        Id = Id,
        Status = Status,
        ChunksDone = Progress.ChunksDone,
        ChunksTotal = Progress.ChunksTotal,
        Title = Title,
        DateLine = DateLine,
        Byline = Byline,
        Source = Source,
        Url = Url,
        Paragraphs = Paragraphs.IsDefault ? [] : Paragraphs,
        Summary = Summary,
        Omitted = Omitted.IsDefault ? [] : Omitted,
        Warnings = Warnings.IsDefault ? [] : Warnings,
        Usage = Usage,
        Failure = Failure,
        SubmittedAt = SubmittedAt,
        FinishedAt = FinishedAt,
        Mode = Mode,
        Glossary = Glossary.IsDefault ? [] : Glossary,
        WaitingForBackend = WaitingForBackend,
        MissingParagraphs = MissingParagraphs,
        Deliveries = Deliveries.IsDefault ? [] : Deliveries,
        Priority = Priority,
        Revision = Math.Max(Revision, 1),
        OlderRevisions = OlderRevisions.IsDefault ? [] : OlderRevisions,
    };
}
