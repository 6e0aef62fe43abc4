namespace Grid.Grains.Pages;

/// <summary>A page fetched and its article extracted, or the one reason the article cannot be had.</summary>
public sealed record PageLoad(ExtractedPage? Page, string? Failure)
{
    public static PageLoad Loaded(ExtractedPage page) => new(page, null);

    public static PageLoad Failed(string failure) => new(null, failure);
}
