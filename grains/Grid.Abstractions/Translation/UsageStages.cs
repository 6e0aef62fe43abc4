namespace Grid.Abstractions.Translation;

/// <summary>The stages an article's LLM calls are counted under.</summary>
public static class UsageStages
{
    public const string Glossary = "glossary";
    public const string Translate = "translate";
    public const string Critique = "critique";
    public const string Improve = "improve";
    /// <summary>Re-translations of chunks that did not use the glossary's rendering.</summary>
    public const string Consistency = "consistency";
    public const string Summary = "summary";

    /// <summary>The stages only <see cref="TranslationMode.Reflect"/> pays for.</summary>
    public static readonly IReadOnlyList<string> ReflectExtra = [Critique, Improve];
}
