using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Glossary;

/// <summary>What makes a glossary usable, for the caller's, the configured and the extracted one alike.</summary>
public static class GlossaryRules
{
    public const int MaxEntries = 500;
    public const int MaxSourceLength = 100;
    public const int MaxEnglishLength = 100;

    public static readonly IReadOnlyList<string> Kinds = ["person", "place", "organisation", "title", "term"];

    /// <summary>Why the entry cannot be used, or null.</summary>
    public static string? ProblemWith(GlossaryEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Source) || !ArabicScript.ContainsArabic(entry.Source) || !new ArabicTerm(entry.Source).IsValid)
            return $"the source '{entry.Source}' has no Arabic word";
        if (entry.Source.Length > MaxSourceLength)
            return $"the source '{entry.Source[..20]}...' is longer than {MaxSourceLength} characters";
        if (string.IsNullOrWhiteSpace(entry.English) || ArabicScript.ContainsArabic(entry.English) || !entry.English.Any(char.IsLetter))
            return $"the English for '{entry.Source}' is empty or not in Latin script";
        if (entry.English.Length > MaxEnglishLength || entry.English.Contains('\n'))
            return $"the English for '{entry.Source}' is longer than {MaxEnglishLength} characters or spans lines";
        if (!Kinds.Contains(entry.Kind))
            return $"the kind '{entry.Kind}' of '{entry.Source}' is not one of {string.Join(", ", Kinds)}";
        return null;
    }

    /// <summary>Why the whole list cannot be used (the first bad entry, a duplicate source, too many entries), or null.</summary>
    public static string? ProblemWith(IReadOnlyList<GlossaryEntry> entries)
    {
        if (entries.Count > MaxEntries)
            return $"it has {entries.Count} entries; the limit is {MaxEntries}";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (ProblemWith(entry) is { } problem)
                return problem;
            if (!seen.Add(ArabicWords.Fold(entry.Source.Trim())))
                return $"the source '{entry.Source}' appears twice";
        }
        return null;
    }

    /// <summary>Trimmed, with the kind in lower case ("Person" and " person " are person).</summary>
    public static GlossaryEntry Tidy(GlossaryEntry entry, GlossaryOrigin origin) =>
        new(entry.Source.Trim(), entry.English.Trim(), string.IsNullOrWhiteSpace(entry.Kind) ? GlossaryEntry.TermKind : entry.Kind.Trim().ToLowerInvariant(), origin);
}
