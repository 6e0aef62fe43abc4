using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Articles;

/// <summary>What an article cost: the LLM work done for it (in all and by stage), the chunks answered from the cache, and wall time.</summary>
[GenerateSerializer, Immutable, Alias("grid.article-usage")]
public sealed record ArticleUsage(
    [property: Id(0)] int LlmCalls,
    [property: Id(1)] long InputTokens,
    [property: Id(2)] long OutputTokens,
    [property: Id(3)] long LlmMilliseconds,
    [property: Id(4)] int CachedChunks,
    [property: Id(5)] long ElapsedMilliseconds)
{
    /// <summary>The LLM work by stage (<see cref="UsageStages"/>): glossary, translate, critique, improve, glossary-retry, summary.</summary>
    [Id(6)] public ImmutableArray<StageUsage> Stages { get; init; } = [];

    /// <summary>Paragraphs the paragraph cache answered before the article's chunks were packed: no chunk carried them.</summary>
    [Id(7)] public int CachedParagraphs { get; init; }

    public static ArticleUsage From(LlmUsage llm, int cachedChunks, TimeSpan elapsed, ImmutableArray<StageUsage> stages = default) =>
        new(llm.Calls, llm.InputTokens, llm.OutputTokens, llm.Milliseconds, cachedChunks, (long)elapsed.TotalMilliseconds) { Stages = stages.IsDefault ? [] : stages };

    /// <summary>The work of one stage; none when the stage did not run.</summary>
    public LlmUsage Stage(string stage) =>
        (Stages.IsDefault ? [] : Stages).FirstOrDefault(usage => usage.Stage == stage)?.Usage ?? LlmUsage.None;
}
