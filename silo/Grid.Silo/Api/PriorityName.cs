using Grid.Abstractions.Articles;

namespace Grid.Silo.Api;

/// <summary>A priority as the API spells it: <c>high</c>, <c>normal</c> or <c>low</c>, in any case; left out, <c>normal</c>.</summary>
public static class PriorityName
{
    public const string Allowed = "high, normal or low";

    /// <summary>The priority, or null when <paramref name="name"/> is none of the allowed names (numbers included).</summary>
    public static ArticlePriority? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null => ArticlePriority.Normal,
        "normal" => ArticlePriority.Normal,
        "high" => ArticlePriority.High,
        "low" => ArticlePriority.Low,
        _ => null,
    };

    public static string Problem(string name) => $"'priority' is '{name}': use {Allowed} (normal when left out).";
}
