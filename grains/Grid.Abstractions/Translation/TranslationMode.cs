namespace Grid.Abstractions.Translation;

/// <summary>How much LLM work each chunk gets.</summary>
[GenerateSerializer, Alias("grid.translation-mode")]
public enum TranslationMode
{
    /// <summary>One translation call per chunk.</summary>
    Fast = 0,
    /// <summary>Translate, critique the draft, improve it: three calls per chunk.</summary>
    Reflect = 1,
}
