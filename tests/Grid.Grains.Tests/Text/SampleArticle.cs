namespace Grid.Grains.Tests.Text;

/// <summary>The scraped Kitabat page in samples/, copied next to the tests by the project file.</summary>
internal static class SampleArticle
{
    public static string Text { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt"));
}
