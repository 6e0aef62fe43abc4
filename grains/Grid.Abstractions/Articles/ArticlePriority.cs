namespace Grid.Abstractions.Articles;

/// <summary>
/// Which waiting LLM work is served first: a breaking story pasted by an editor (<see cref="High"/>) goes ahead of
/// an archive import (<see cref="Low"/>). The default is <see cref="Normal"/>; a higher value is served first.
/// </summary>
[GenerateSerializer, Alias("grid.article-priority")]
public enum ArticlePriority
{
    Low = -1,
    Normal = 0,
    High = 1,
}
