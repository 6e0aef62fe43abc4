using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Glossary;

/// <summary>The extracted glossary and what it cost; on failure no entries and the reason, for the article's warnings.</summary>
public sealed record GlossaryExtraction(ImmutableArray<GlossaryEntry> Entries, LlmUsage Usage, string? Warning);
