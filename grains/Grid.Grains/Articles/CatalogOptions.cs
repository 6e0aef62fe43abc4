namespace Grid.Grains.Articles;

/// <summary>The list of recent articles: <c>Grid:Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Grid:Catalog";

    /// <summary>Entries the list keeps, newest first; older articles drop off the list but stay readable by id.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// How long changes gather before the list is written. Every chunk of every article changes
    /// the list; writing it once per period instead of once per change keeps storage calm.
    /// </summary>
    public TimeSpan SaveDelay { get; set; } = TimeSpan.FromSeconds(2);
}
