using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// An article's work as stored before it had a plan: chunks, their work with the title as a chunk at
/// index -1, answers by chunk index, and the glossary retries under older names. Read under the names
/// they were stored with, turned into a <see cref="ArticlePlan"/> once (<see cref="UpgradeToPlan"/>),
/// then cleared so they are never written again.
/// </summary>
public sealed partial class ArticleState
{
    /// <summary>The index the old code gave the title's work; only ever read here.</summary>
    private const int OldTitleIndex = -1;

    [Id(2), JsonProperty("Chunks")] public ImmutableArray<TextChunk> OldChunks { get; set; } = [];
    [Id(3), JsonProperty("Work")] public ImmutableArray<WorkItem> OldWork { get; set; } = [];
    [Id(4), JsonProperty("Translations")] public Dictionary<int, ChunkTranslationResult> OldTranslations { get; set; } = [];
    [Id(15), JsonProperty("Glossary")] public ImmutableArray<GlossaryEntry> OldGlossary { get; set; } = [];
    [Id(16), JsonProperty("GlossaryPending")] public bool OldGlossaryPending { get; set; }
    [Id(20), JsonProperty("ConsistencyChecked")] public bool OldGlossaryChecked { get; set; }

    /// <summary>
    /// Gives a state stored before the plan its plan: every unit keeps its key (so its answer, and the
    /// cache, still count), every answer is kept, the title becomes the plan's own field. A glossary
    /// pass that was under way starts again (its retries are planned anew). False when there is nothing to upgrade.
    /// </summary>
    public bool UpgradeToPlan()
    {
        if (!Exists || Plan is not null)
            return false;
        var title = ArticleDraft.TitleOf(Submission!, Parsed!);
        var plan = new ArticlePlan
        {
            Title = title,
            Paragraphs = Parsed!.Paragraphs,
            Mode = Mode,
            Glossary = OldGlossary.IsDefault ? [] : OldGlossary,
            GlossaryPending = OldGlossaryPending,
            GlossaryChecked = OldGlossaryChecked,
        };
        var units = ImmutableArray.CreateBuilder<PlanUnit>(OldWork.Length);
        foreach (var item in OldWork)
        {
            var index = units.Count;
            ImmutableArray<PlanPiece> pieces = item.ChunkIndex == OldTitleIndex
                ? [PlanPiece.Title(item.Text)]
                : [.. OldChunks[item.ChunkIndex].Segments.Select(segment => new PlanPiece(segment.Text, segment.ParagraphIndex))];
            units.Add(new PlanUnit(item with { ChunkIndex = index }, pieces));
            if (OldTranslations.TryGetValue(item.ChunkIndex, out var answer))
                plan.Answers[index] = answer;
        }
        plan.Units = units.ToImmutable();
        Plan = plan;
        if (StageUsage.Remove("consistency", out var retries))
            StageUsage[UsageStages.GlossaryRetry] = StageUsage.GetValueOrDefault(UsageStages.GlossaryRetry, LlmUsage.None) + retries;
        (OldChunks, OldWork, OldTranslations, OldGlossary, OldGlossaryPending, OldGlossaryChecked) = ([], [], [], [], false, false);
        return true;
    }
}
