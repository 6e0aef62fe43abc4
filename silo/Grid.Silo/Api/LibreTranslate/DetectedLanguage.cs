namespace Grid.Silo.Api.LibreTranslate;

/// <summary>LibreTranslate's <c>{ "confidence": 90.0, "language": "ar" }</c>, in <c>/detect</c> and in <c>detectedLanguage</c>.</summary>
public sealed record DetectedLanguage(double Confidence, string Language);
