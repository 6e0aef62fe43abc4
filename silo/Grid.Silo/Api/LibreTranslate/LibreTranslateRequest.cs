namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// A LibreTranslate request as sent, JSON or form fields: <c>q</c> (a string, or a list), <c>source</c>,
/// <c>target</c>, <c>format</c> and <c>api_key</c> (<c>apiKey</c>, as some clients spell it, is read too).
/// </summary>
/// <param name="Q">The texts; one for a string <c>q</c>.</param>
/// <param name="IsList"><c>q</c> came as a list, and so must <c>translatedText</c>.</param>
public sealed record LibreTranslateRequest(IReadOnlyList<string>? Q, bool IsList, string? Source, string? Target, string? Format, string? ApiKey);
