namespace Grid.Silo.Api.LibreTranslate;

/// <summary>One entry of <c>GET /languages</c>: a language and those it can be translated into.</summary>
public sealed record LanguageResponse(string Code, string Name, IReadOnlyList<string> Targets);
