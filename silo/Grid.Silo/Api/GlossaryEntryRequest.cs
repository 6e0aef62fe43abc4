namespace Grid.Silo.Api;

/// <summary>One entry of a submitted glossary: the Arabic term, its English, and optionally its kind (person, place, organisation, title, term).</summary>
public sealed record GlossaryEntryRequest(string? Source, string? English, string? Kind = null);
