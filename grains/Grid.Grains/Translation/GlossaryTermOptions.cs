namespace Grid.Grains.Translation;

/// <summary>One configured glossary entry.</summary>
public sealed class GlossaryTermOptions
{
    /// <summary>The term in Arabic, without clitic prefixes.</summary>
    public string Source { get; set; } = "";

    public string English { get; set; } = "";

    public string Kind { get; set; } = "term";
}
