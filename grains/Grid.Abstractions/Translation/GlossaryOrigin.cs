namespace Grid.Abstractions.Translation;

/// <summary>Where a glossary entry came from, in increasing precedence.</summary>
[GenerateSerializer, Alias("grid.glossary-origin")]
public enum GlossaryOrigin
{
    /// <summary>Extracted from the article by the LLM before translation.</summary>
    Extracted = 0,
    /// <summary>The cluster-wide glossary of the configuration (<c>Grid:Translation:Glossary</c>).</summary>
    Configuration = 1,
    /// <summary>Given with the submission.</summary>
    User = 2,
}
