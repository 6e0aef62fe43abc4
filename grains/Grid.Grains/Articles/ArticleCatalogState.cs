using Grid.Abstractions.Articles;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

[GenerateSerializer, Alias("grid.article-catalog-state")]
public sealed class ArticleCatalogState
{
    [Id(0), JsonProperty(ItemConverterType = typeof(StoredListItemConverter))]
    public Dictionary<string, ArticleListItem> Entries { get; set; } = [];

    /// <summary>After a conflicting write: our entries, plus any the stored copy has that we lack.</summary>
    public static ArticleCatalogState Merge(ArticleCatalogState stored, ArticleCatalogState mine)
    {
        foreach (var (id, item) in stored.Entries)
            mine.Entries.TryAdd(id, item);
        return mine;
    }
}
