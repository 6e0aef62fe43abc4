using System.Collections.Immutable;
using System.Text.Json;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm;
using Grid.Grains.Text;

namespace Grid.Grains.Glossary;

/// <summary>
/// Checks an extracted glossary: a JSON object with an "entries" list. Entries Grid cannot use (no
/// Arabic source, a source that is not in the article, Arabic in the English, a duplicate) are
/// dropped and reported; an answer that has entries but none usable is rejected, as is one that is not JSON.
/// </summary>
public static class GlossaryValidator
{
    public static AnswerCheck<ImmutableArray<GlossaryEntry>> Check(string answer, string article)
    {
        JsonElement entries;
        try
        {
            using var document = JsonDocument.Parse(answer);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
                return Reject("the glossary is not a JSON object with an 'entries' list");
            entries = list.Clone();
        }
        catch (JsonException)
        {
            return Reject("the glossary is not JSON");
        }

        var words = ArabicWords.Of(article);
        var kept = new List<GlossaryEntry>();
        var keptSources = new HashSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        foreach (var item in entries.EnumerateArray())
        {
            var entry = Entry(item);
            if (entry is null || GlossaryRules.ProblemWith(entry) is not null || !new ArabicTerm(entry.Source).OccursIn(words)
                || !keptSources.Add(ArabicWords.Fold(entry.Source)))
                dropped++;
            else
                kept.Add(entry);
        }
        if (kept.Count == 0 && dropped > 0)
            return Reject($"none of the glossary's {dropped} entries is usable (a source not in the article, Arabic in the English, a missing field)");
        if (kept.Count > GlossaryRules.MaxEntries)
            kept = kept[..GlossaryRules.MaxEntries];
        ImmutableArray<string> repairs = dropped > 0 ? [$"dropped {dropped} unusable glossary entries"] : [];
        return AnswerCheck<ImmutableArray<GlossaryEntry>>.Accept([.. kept], repairs);
    }

    private static GlossaryEntry? Entry(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && Text(item, "source") is { } source && Text(item, "english") is { } english
            ? GlossaryRules.Tidy(new GlossaryEntry(source, english, Kind(Text(item, "kind"))), GlossaryOrigin.Extracted)
            : null;

    /// <summary>A kind the model made up is still a term.</summary>
    private static string Kind(string? kind) =>
        kind is not null && GlossaryRules.Kinds.Contains(kind.Trim().ToLowerInvariant()) ? kind : GlossaryEntry.TermKind;

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static AnswerCheck<ImmutableArray<GlossaryEntry>> Reject(string problem) => AnswerCheck<ImmutableArray<GlossaryEntry>>.Reject(problem);
}
