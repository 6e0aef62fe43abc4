namespace Grid.Grains;

/// <summary>Names of the grain storage providers the grains use; the host decides what backs them.</summary>
public static class GridStorage
{
    public const string Articles = "articles";
    public const string Translations = "translations";
}
