using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// The plan's side of the sentence memory, beside the paragraph cache: an accepted paragraph gives its sentences, each paired
/// with its English when the Arabic and the English have as many sentences (never a guessed alignment); a paragraph the
/// paragraph cache leaves this article to translate is asked of the memory, and served from it (no LLM call) when every one
/// of its sentences is kept and their English, joined, renders every glossary entry the paragraph needs (the check a
/// paragraph-cache variant passes). While another article translates a paragraph holding one of its sentences, the paragraph
/// waits for it when every other is kept or another's too (a claim on each sentence, as on paragraphs, taken in key order)
/// instead of paying for it again.
/// Anything less and the paragraph is translated whole: never a call per sentence.
/// Unused where <see cref="TranslationOptions.ContextInCacheKey"/> asks for context-sensitive reuse, or when turned off.
/// </summary>
public sealed partial class ArticlePlan
{
    /// <summary>
    /// The paragraphs to ask the sentence memory about among the paragraph cache's answers: those it left this article to
    /// translate (a claim granted, or the cache could not be read), each with its sentences' keys and the entries each needs.
    /// None when the memory is not used: a paragraph the cache answers, or another article translates, is never asked.
    /// </summary>
    public IReadOnlyList<(int Paragraph, ImmutableArray<SentenceQuery> Sentences)> SentencesToAsk(IEnumerable<(int Paragraph, ParagraphLookup? Answer)> answers, PlanSettings settings) =>
        !settings.Translation.UsesSentenceMemory ? []
        : [.. answers.Where(answer => answer.Answer is null or { Kind: ParagraphLookupKind.Yours })
            .Select(answer => (answer.Paragraph, Sentences: SentenceQueries(answer.Paragraph, settings)))
            .Where(paragraph => !paragraph.Sentences.IsEmpty)];

    /// <summary>
    /// Paragraphs waiting on a sentence another article translates, by index, under the sentence's key. Each also has its wait
    /// in <see cref="ClaimWaits"/> (under its paragraph key, until the sentence's claim runs out), so the paragraph is asked
    /// about again when the sentence settles or the claim runs out. Kept here, beside the rules that use it, not in ArticlePlan.cs.
    /// </summary>
    [Id(15)] public Dictionary<int, string> SentenceWaits { get; set; } = [];

    /// <summary>
    /// What the memory's answers for a paragraph's sentences (in the order of <see cref="SentencesToAsk"/>) make of it: served
    /// (<see cref="ServedBySentences"/>) when every sentence is kept; a wait on a sentence another article translates when every
    /// other is kept or another's too (so that, once they settle, the paragraph costs nothing); else null, and the paragraph is
    /// translated whole: the memory could not be read, or some sentence is this article's to translate (claimed, or no one's),
    /// which waiting would not spare.
    /// A sentence no one holds yet counts as another's when it is among those a claimant translates with the sentence it holds
    /// (<see cref="SentenceLookup.ClaimedWith"/>): that claimant claims its sentences one after another, and this article may
    /// have looked between two of its claims; translating now would pay for every sentence the claimant is paying for.
    /// </summary>
    public ParagraphLookup? TakeSentences(int paragraph, ImmutableArray<SentenceLookup?> found, string payer, PlanSettings settings)
    {
        var sentences = SentenceQueries(paragraph, settings);
        if (found.IsDefaultOrEmpty || found.Length != sentences.Length)
            return null;
        var claimedByOthers = found.Where(sentence => sentence is { Kind: ParagraphLookupKind.Taken, ClaimedWith.IsDefault: false })
            .SelectMany(sentence => sentence!.ClaimedWith).ToHashSet();
        if (Enumerable.Range(0, found.Length).Any(i => found[i] is null
                || found[i]!.Kind == ParagraphLookupKind.Yours && (found[i]!.ClaimedBy is not null || !claimedByOthers.Contains(sentences[i].Key))))
            return null;
        // The one the claims stopped at: the lowest key another article holds.
        if (Enumerable.Range(0, found.Length).Where(i => found[i]!.Kind == ParagraphLookupKind.Taken)
                .OrderBy(i => sentences[i].Key, StringComparer.Ordinal).Select(i => (int?)i).FirstOrDefault() is { } taken)
            return ParagraphLookup.Taken(found[taken]!.ClaimedBy!, found[taken]!.ExpiresIn) with { WaitOn = sentences[taken].Key };
        return ServedBySentences(paragraph, [.. found.Select(sentence => sentence!.English!)], payer);
    }

    /// <summary>The sentence under <paramref name="key"/> settled: the waits on it end now, so the next step asks about their paragraphs again. False when none waited on it.</summary>
    public bool SentenceSettled(string key, DateTimeOffset now)
    {
        var waiting = SentenceWaits.Where(wait => wait.Value == key).Select(wait => wait.Key).Where(ClaimWaits.ContainsKey).ToList();
        foreach (var index in waiting)
            ClaimWaits[index] = ClaimWaits[index] with { Until = now };
        return waiting.Count > 0;
    }

    /// <summary>
    /// What the memory's English of a paragraph's sentences gives it: the sentences' English joined, as the paragraph cache
    /// answers, when there is one per sentence and the whole renders every glossary entry the paragraph needs (variant spellings
    /// replaced); null otherwise, and the paragraph is translated whole.
    /// </summary>
    /// <param name="payer">This article's payer: the English is kept in the paragraph cache as made for it.</param>
    public ParagraphLookup? ServedBySentences(int paragraph, ImmutableArray<string> english, string payer)
    {
        if (english.IsDefaultOrEmpty || english.Length != SentenceSplitter.Split(Paragraphs[paragraph]).Count)
            return null;
        return CachedEnglish(paragraph, new ParagraphTranslation(string.Join(' ', english), payer, [])) is { } served
            ? ParagraphLookup.Cached(new ParagraphTranslation(served, payer, EntriesNeededBy(paragraph)))
            : null;
    }

    /// <summary>
    /// What an answer under <paramref name="key"/> gives the sentence memory: the sentences of each paragraph it made whole,
    /// each with its English and the glossary entries occurring in it, where the paragraph's Arabic and English have as many
    /// sentences; and the keys of the sentences whose claims this article gives up: those of paragraphs whose English could
    /// not be paired, or that the answer left without English (it failed, or left them out). Whoever paid for the answer, so
    /// the claims this article holds on its sentences end. Nothing when the memory is not used.
    /// </summary>
    public (IReadOnlyList<SentencePair> Kept, IReadOnlyList<string> GivenUp) SentencesAnsweredBy(string key, ChunkTranslationResult result, PlanSettings settings)
    {
        if (!settings.Translation.UsesSentenceMemory)
            return ([], []);
        var (kept, givenUp) = (new List<SentencePair>(), new List<string>());
        foreach (var (index, english) in ParagraphsMadeWholeBy(key))
        {
            if (SentenceAlignment.Of(Paragraphs[index], english) is not { } pairs)
            {
                givenUp.AddRange(SentenceKeysOf([index], settings));
                continue;
            }
            kept.AddRange(pairs.Select(pair => new SentencePair(SentenceKeyOf(pair.Arabic, settings),
                new SentenceTranslation(pair.English, result.ProducedFor, ArticleGlossary.OccurringIn(EntriesNeededBy(index), pair.Arabic)))));
        }
        var paragraphEnglish = ParagraphEnglish();
        givenUp.AddRange(SentenceKeysOf(Units.Where(unit => unit.Key == key && Answers.ContainsKey(unit.Index))
            .SelectMany(unit => unit.Pieces.Where(piece => !piece.IsTitle).Select(piece => piece.Paragraph!.Value))
            .Where(index => paragraphEnglish[index] is null), settings));
        return (kept, [.. givenUp.Distinct()]);
    }

    /// <summary>
    /// The sentences of each paragraph this article holds a claim on, to claim again in the memory as its paragraph claims are
    /// renewed: a claim on a sentence runs out as a paragraph's does, and an article waiting on one would then translate it while
    /// this article still works. None when the memory is not used.
    /// </summary>
    public IReadOnlyList<ImmutableArray<SentenceQuery>> SentenceClaimsToRenew(PlanSettings settings) =>
        !settings.Translation.UsesSentenceMemory ? []
        : [.. Claims.GroupBy(claim => claim.Value).Select(claim => SentenceQueries(claim.Min(paragraph => paragraph.Key), settings)).Where(sentences => !sentences.IsEmpty)];

    /// <summary>The keys of the sentences of the paragraphs this article holds claims on (it fails, or is deleted, and gives them all up); none when the memory is not used.</summary>
    public IReadOnlyList<string> SentencesOfClaims(PlanSettings settings) =>
        settings.Translation.UsesSentenceMemory ? [.. SentenceKeysOf(Claims.Keys, settings).Distinct()] : [];

    private IEnumerable<string> SentenceKeysOf(IEnumerable<int> paragraphs, PlanSettings settings) =>
        paragraphs.SelectMany(index => SentenceSplitter.Split(Paragraphs[index])).Select(sentence => SentenceKeyOf(sentence, settings));

    private ImmutableArray<SentenceQuery> SentenceQueries(int paragraph, PlanSettings settings) =>
        [.. SentenceSplitter.Split(Paragraphs[paragraph]).Select(sentence =>
            new SentenceQuery(SentenceKeyOf(sentence, settings), ArticleGlossary.OccurringIn(EntriesNeededBy(paragraph), sentence)))];

    private string SentenceKeyOf(string sentence, PlanSettings settings) => SentenceKey.For(sentence, Mode, settings.Model, TranslationPrompt.Version);
}
