namespace Grid.Abstractions.Translation;

/// <summary>Why LLM work (a translation, the glossary extraction, a summary) did not produce a usable answer.</summary>
/// <remarks>
/// Named <c>TranslationFailureKind</c> before glossaries and summaries used it too. The alias stays the old one and
/// the values keep their numbers: stored answers hold them (ArticleStoredBeforeLlmFailureKindTests).
/// </remarks>
[GenerateSerializer, Alias("grid.translation-failure-kind")]
public enum LlmFailureKind
{
    None = 0,
    /// <summary>Every attempt came back unusable (truncated, untranslated, malformed...).</summary>
    InvalidAnswer = 1,
    /// <summary>The backend kept failing its attempts (5xx, a broken or stalled stream, no answer in time).</summary>
    BackendUnavailable = 2,
    /// <summary>The configured model is not on the backend; nothing will work until it is pulled.</summary>
    ModelMissing = 3,
    /// <summary>The backend refused the request itself (HTTP 400).</summary>
    Rejected = 4,
    /// <summary>No backend took the work (unreachable, out of rotation, busy) for all of <c>Grid:Llm:GiveUpAfter</c>; re-driven when one comes back.</summary>
    NoBackend = 5,
}
