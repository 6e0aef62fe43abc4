namespace Grid.Abstractions.Translation;

/// <summary>Why LLM work did not produce a usable answer.</summary>
[GenerateSerializer, Alias("grid.translation-failure-kind")]
public enum TranslationFailureKind
{
    None = 0,
    /// <summary>Every attempt came back unusable (truncated, untranslated, malformed...).</summary>
    InvalidAnswer = 1,
    /// <summary>The backend kept failing (busy, down, timing out).</summary>
    BackendUnavailable = 2,
    /// <summary>The configured model is not on the backend; nothing will work until it is pulled.</summary>
    ModelMissing = 3,
    /// <summary>The backend refused the request itself (HTTP 400).</summary>
    Rejected = 4,
}
