using Grid.Abstractions.Articles;

namespace Grid.Cli;

/// <summary>The <c>--priority</c> option of <c>grid submit</c> and <c>grid feeds add</c>: high, normal (the default) or low.</summary>
public static class PriorityOption
{
    public const string Description = "high, normal (the default) or low: waiting LLM work is served highest priority first; within a priority, API keys take turns.";

    /// <summary>The priority, or null when <paramref name="value"/> is not one of the three names.</summary>
    public static ArticlePriority? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "high" => ArticlePriority.High,
        "normal" => ArticlePriority.Normal,
        "low" => ArticlePriority.Low,
        _ => null,
    };

    public static string Problem(string value) => $"--priority is '{value}': use high, normal or low.";
}
