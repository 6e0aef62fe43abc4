using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Articles;

/// <summary>
/// The glossary pass, once every unit has its answer: units whose English misses a rendering of an
/// entry they carry are translated again with a prompt that insists on the glossary (a glossary
/// retry); the better answer of the two is kept, variant spellings are replaced, and what is still
/// missing becomes a warning.
/// </summary>
public sealed partial class ArticlePlan
{
    private PlanStep CheckGlossary(PlanSettings settings)
    {
        if (GlossaryRetries.IsDefaultOrEmpty)
        {
            var missing = Units.Where(unit => Misses(unit, Answers[unit.Index]).Any()).ToList();
            if (missing.Count > 0)
            {
                GlossaryRetries = [.. missing.Select(unit => Unit(unit.Index, unit.Pieces, unit.Work.Context, glossaryRetry: true, settings))];
                return PlanStep.Dispatch;
            }
        }
        else if (GlossaryRetries.Any(unit => !RetryAnswers.ContainsKey(unit.Index)))
        {
            return PlanStep.Wait;
        }
        else
        {
            ApplyGlossaryRetries();
        }
        GlossaryChecked = true;
        return PlanStep.Summarize;
    }

    /// <summary>Per unit that misses: its retry when that misses less, then variant spellings replaced (recorded as text fixes of the answer).</summary>
    private void ApplyGlossaryRetries()
    {
        foreach (var unit in Units)
        {
            var misses = Misses(unit, Answers[unit.Index]).Count();
            if (misses == 0)
                continue;
            if (RetryAnswers.TryGetValue(unit.Index, out var retry) && retry.Succeeded && Misses(unit, retry).Count() < misses)
                Answers[unit.Index] = retry;
            var answer = Answers[unit.Index];
            var (english, repairs, left) = GlossaryConsistency.Repair(answer.English, Misses(unit, answer));
            if (!repairs.IsEmpty)
                Answers[unit.Index] = answer with { English = english, Repairs = [.. answer.Repairs.IsDefault ? [] : answer.Repairs, .. repairs] };
            GlossaryWarnings.AddRange(left.Select(miss => $"{unit.Pieces[miss.Segment].Name()}: '{miss.Entry.Source}' is not rendered as the glossary's '{miss.Entry.English}'"));
        }
    }

    /// <summary>The pieces of a successful answer whose English lacks a rendering of an entry the unit carries; a piece left untranslated has no English to miss one in.</summary>
    private static IEnumerable<GlossaryMiss> Misses(PlanUnit unit, ChunkTranslationResult answer) =>
        !answer.Succeeded ? [] :
        GlossaryConsistency.Misses(unit.Index, [.. unit.Pieces.Select(piece => piece.Arabic)], answer.English, unit.Work.Entries)
            .Where(miss => answer.EnglishOf(miss.Segment) is not null);
}
