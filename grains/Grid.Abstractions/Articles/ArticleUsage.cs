using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Articles;

/// <summary>What an article cost: the LLM work done for it, the chunks answered from the cache, and wall time.</summary>
[GenerateSerializer, Immutable, Alias("grid.article-usage")]
public sealed record ArticleUsage(
    [property: Id(0)] int LlmCalls,
    [property: Id(1)] long InputTokens,
    [property: Id(2)] long OutputTokens,
    [property: Id(3)] long LlmMilliseconds,
    [property: Id(4)] int CachedChunks,
    [property: Id(5)] long ElapsedMilliseconds)
{
    public static ArticleUsage From(LlmUsage llm, int cachedChunks, TimeSpan elapsed) =>
        new(llm.Calls, llm.InputTokens, llm.OutputTokens, llm.Milliseconds, cachedChunks, (long)elapsed.TotalMilliseconds);
}
