namespace Grid.Grains.Articles;

[GenerateSerializer, Alias("grid.article-watchdog-state")]
public sealed class ArticleWatchdogState
{
    [Id(0)] public HashSet<string> Unfinished { get; set; } = [];

    /// <summary>After a conflicting write: both sets; a finished article left in is dropped by the next sweep.</summary>
    public static ArticleWatchdogState Merge(ArticleWatchdogState stored, ArticleWatchdogState mine)
    {
        mine.Unfinished.UnionWith(stored.Unfinished);
        return mine;
    }
}
