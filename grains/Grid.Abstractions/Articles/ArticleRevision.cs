using System.Collections.Immutable;

namespace Grid.Abstractions.Articles;

/// <summary>One revision of an article as it read when the next one replaced it (or as it reads now, for the newest): its text, English and summary.</summary>
[GenerateSerializer, Immutable, Alias("grid.article-revision")]
public sealed record ArticleRevision
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required int Revision { get; init; }
    [Id(2)] public required ArticleStatus Status { get; init; }
    [Id(3)] public BilingualText? Title { get; init; }
    [Id(4)] public string? DateLine { get; init; }
    [Id(5)] public string? Byline { get; init; }
    [Id(6)] public string? Source { get; init; }
    [Id(7)] public string? Url { get; init; }
    /// <summary>Its paragraphs, each marked when it changed since the revision before it.</summary>
    [Id(8)] public ImmutableArray<ParagraphView> Paragraphs { get; init; } = [];
    [Id(9)] public ArticleSummary? Summary { get; init; }
    /// <summary>When this revision's text was given (the article's submission, for revision 1).</summary>
    [Id(10)] public DateTimeOffset SubmittedAt { get; init; }
    [Id(11)] public DateTimeOffset? FinishedAt { get; init; }
}
