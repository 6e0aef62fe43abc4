namespace Grid.Abstractions.Translation;

/// <summary>The stages an article's LLM calls are counted under.</summary>
public static class UsageStages
{
    public const string Glossary = "glossary";
    public const string Translate = "translate";
    public const string Critique = "critique";
    public const string Improve = "improve";
    /// <summary>Glossary retries: second translations, insisting on the glossary, of chunks whose first missed a rendering.</summary>
    public const string GlossaryRetry = "glossary-retry";
    public const string Summary = "summary";

    /// <summary>The stages only <see cref="TranslationMode.Reflect"/> pays for.</summary>
    public static readonly IReadOnlyList<string> ReflectExtra = [Critique, Improve];
}
