using Grid.Abstractions.Translation;

namespace Grid.Grains.Articles;

/// <summary>Keys made under one mode, model and choice of context in the key, by the unit's text (see <see cref="ArticlePlan"/>'s Unit).</summary>
internal sealed class UnitKeys
{
    private readonly Dictionary<string, List<WorkItem>> byText = new(StringComparer.Ordinal);
    private (TranslationMode Mode, string Model, bool WithContext)? madeUnder;

    /// <summary>The item keyed: by a key made before for the same prompt under the same settings, else by <see cref="WorkItem.Keyed"/>.</summary>
    public WorkItem Keyed(WorkItem work, TranslationMode mode, PlanSettings settings)
    {
        var under = (mode, settings.Model, settings.Translation.ContextInCacheKey);
        if (madeUnder != under)
        {
            byText.Clear();
            madeUnder = under;
        }
        if (byText.TryGetValue(work.Text, out var made) && made.Find(item => SamePrompt(item, work)) is { } same)
            return work with { Key = same.Key };
        var keyed = work.Keyed(mode, settings.Model, settings.Translation);
        if (made is null)
            byText[work.Text] = made = [];
        made.Add(keyed);
        return keyed;
    }

    /// <summary>Everything <see cref="ChunkKey"/> hashes besides the settings (the text, already equal; the entries, context and retry), and the segments the request carries.</summary>
    private static bool SamePrompt(WorkItem made, WorkItem work) =>
        made.Segments == work.Segments && made.Context == work.Context && made.GlossaryRetry == work.GlossaryRetry
        && made.Entries.SequenceEqual(work.Entries);
}
