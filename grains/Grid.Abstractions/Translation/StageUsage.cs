namespace Grid.Abstractions.Translation;

/// <summary>The LLM work of one stage of an article (see <see cref="UsageStages"/>).</summary>
[GenerateSerializer, Immutable, Alias("grid.stage-usage")]
public sealed record StageUsage(
    [property: Id(0)] string Stage,
    [property: Id(1)] LlmUsage Usage);
