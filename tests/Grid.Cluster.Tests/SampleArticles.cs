namespace Grid.Cluster.Tests;

/// <summary>The scraped Arabic news page in samples/, as real input looks.</summary>
internal static class SampleArticles
{
    public static string Seed { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt"));

    /// <summary>The eleven body paragraphs' first words, in order.</summary>
    public static readonly string[] SeedParagraphStarts =
        ["أعلن المتحدث", "وقال “كيربي”", "وأضاف “كيربي”", "وجدد “كيربي”", "وذكر “كيربي”", "وكان وزير", "وقال “حسين”", "بدورها، نقلت", "وأوضحت الصحيفة", "وأشار هؤلاء", "ولفتت الصحيفة"];

    public static readonly string[] SeedCruft =
        ["Search", "Close this search box.", "Facebook", "Twitter", "LinkedIn", "أخبار ذات صلة", "أخر الاخبار", "كتابات الثقافية", "عطر الكتب"];
}
