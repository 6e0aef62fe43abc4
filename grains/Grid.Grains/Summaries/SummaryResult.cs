using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Summaries;

/// <summary>A summary and the LLM work it took (every call, the fact-extraction ones included).</summary>
public sealed record SummaryResult(ArticleSummary Summary, LlmUsage Usage);
