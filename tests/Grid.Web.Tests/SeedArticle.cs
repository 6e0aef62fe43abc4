namespace Grid.Web.Tests;

/// <summary>The scraped Arabic news page in samples/, as real input looks.</summary>
internal static class SeedArticle
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt");
}
