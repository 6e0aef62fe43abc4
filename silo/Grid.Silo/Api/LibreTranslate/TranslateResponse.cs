using System.Text.Json.Serialization;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// The answer of <c>/translate</c>: <c>translatedText</c> a string for a string <c>q</c>, a list for a
/// list; <c>detectedLanguage</c> (likewise) only when the source was <c>auto</c>.
/// </summary>
public sealed record TranslateResponse(
    object TranslatedText,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? DetectedLanguage = null);
