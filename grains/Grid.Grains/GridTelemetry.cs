using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Grid.Grains;

/// <summary>Grid's own traces and metrics: the <c>Grid</c> activity source and meter, and the instruments on it.</summary>
public static class GridTelemetry
{
    public const string Name = "Grid";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> ArticlesSubmitted { get; } =
        Meter.CreateCounter<long>("grid.articles.submitted", "{article}", "Articles accepted for translation.");

    public static Counter<long> ArticlesCompleted { get; } =
        Meter.CreateCounter<long>("grid.articles.completed", "{article}", "Articles that reached completed.");

    public static Counter<long> ArticlesFailed { get; } =
        Meter.CreateCounter<long>("grid.articles.failed", "{article}", "Articles that reached failed.");

    /// <summary>
    /// Tagged <c>grid.cache</c> = <c>hit</c> (answered from state), <c>joined</c> (shared a running job),
    /// <c>elsewhere</c> (another silo runs it) or <c>miss</c> (started one). An article asking again
    /// while the job runs (its watchdog does) is not counted again.
    /// </summary>
    public static Counter<long> ChunkTranslations { get; } =
        Meter.CreateCounter<long>("grid.chunk.translations", "{chunk}", "Chunk translations asked for, by cache outcome.");

    /// <summary>Paragraphs looked up in the paragraph cache before an article packs its chunks, by outcome (<c>grid.cache</c>: hit, miss, or sentences when the sentence memory served a paragraph the cache missed).</summary>
    public static Counter<long> ParagraphLookups { get; } =
        Meter.CreateCounter<long>("grid.paragraph.lookups", "{paragraph}", "Paragraphs looked up in the paragraph cache, by outcome.");

    /// <summary>
    /// Starts a span in the trace of the request that submitted the article, so work that runs
    /// later (timers, background tasks) stays in one trace with it.
    /// </summary>
    public static Activity? StartInTraceOf(string name, string? traceParent, string articleId)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        var activity = Source.StartActivity(name, ActivityKind.Internal, parent);
        activity?.SetTag("grid.article.id", articleId);
        return activity;
    }
}
