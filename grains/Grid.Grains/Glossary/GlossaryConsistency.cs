using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Glossary;

/// <summary>
/// After translation: finds the paragraph pieces that render a glossary term otherwise than the
/// glossary says, and repairs those it can by replacing the variant spelling (<see cref="VariantRendering"/>).
/// </summary>
public static class GlossaryConsistency
{
    /// <summary>The misses of one translated chunk: a term of its glossary in a piece's Arabic, its rendering not in the piece's English.</summary>
    public static IEnumerable<GlossaryMiss> Misses(int chunkIndex, IReadOnlyList<string> arabic, IReadOnlyList<string> english, ImmutableArray<GlossaryEntry> glossary)
    {
        if (glossary.IsDefaultOrEmpty)
            yield break;
        for (var segment = 0; segment < Math.Min(arabic.Count, english.Count); segment++)
        {
            var words = ArabicWords.Of(arabic[segment]);
            foreach (var entry in glossary)
            {
                if (ArabicTerm.For(entry.Source).OccursIn(words) && !VariantRendering.Uses(english[segment], entry))
                    yield return new GlossaryMiss(chunkIndex, segment, entry);
            }
        }
    }

    /// <summary>
    /// The English with variants of the missed renderings replaced, the repairs made (for the record),
    /// and the misses no variant was found for.
    /// </summary>
    public static (ImmutableArray<string> English, ImmutableArray<string> Repairs, IReadOnlyList<GlossaryMiss> Left) Repair(
        ImmutableArray<string> english, IEnumerable<GlossaryMiss> misses)
    {
        var text = english.ToArray();
        var repairs = new List<string>();
        var left = new List<GlossaryMiss>();
        foreach (var miss in misses)
        {
            var (repaired, count) = VariantRendering.Replace(text[miss.Segment], miss.Entry);
            if (count > 0 && VariantRendering.Uses(repaired, miss.Entry))
            {
                text[miss.Segment] = repaired;
                repairs.Add($"replaced {count} variant spelling(s) of '{miss.Entry.English}' with the glossary's");
            }
            else
            {
                left.Add(miss);
            }
        }
        return ([.. text], [.. repairs], left);
    }

    /// <summary>
    /// <paramref name="english"/> with variant spellings of the renderings in <paramref name="needed"/> replaced, when it
    /// then renders every one of them; null when one is still missing. <paramref name="needed"/> are the entries whose terms
    /// occur in the English's Arabic: what decides whether an English kept in the paragraph cache may serve an article.
    /// </summary>
    public static string? RenderingEvery(string english, ImmutableArray<GlossaryEntry> needed)
    {
        if (needed.IsDefaultOrEmpty)
            return english;
        var (repaired, _, left) = Repair([english], needed.Where(entry => !VariantRendering.Uses(english, entry)).Select(entry => new GlossaryMiss(0, 0, entry)));
        // A repair could, in principle, overwrite another entry's rendering: the check is on the English as served.
        return left.Count == 0 && needed.All(entry => VariantRendering.Uses(repaired[0], entry)) ? repaired[0] : null;
    }
}
