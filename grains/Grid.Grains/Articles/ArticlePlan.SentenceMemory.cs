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
/// paragraph-cache variant passes). Anything less and the paragraph is translated whole: never a call per sentence.
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
    /// What an accepted answer under <paramref name="key"/> gives the sentence memory: the sentences of each paragraph it made
    /// whole, each with its English and the glossary entries occurring in it, where the paragraph's Arabic and English have as
    /// many sentences. Nothing when the memory is not used, or when the answer was paid by another (who gave its sentences).
    /// </summary>
    public IReadOnlyList<SentencePair> SentencesAnsweredBy(string key, ChunkTranslationResult result, string payer, PlanSettings settings) =>
        !settings.Translation.UsesSentenceMemory || result.ProducedFor != payer ? []
        : [.. ParagraphsMadeWholeBy(key).SelectMany(paragraph =>
            (SentenceAlignment.Of(Paragraphs[paragraph.Index], paragraph.English) ?? []).Select(pair =>
                new SentencePair(SentenceKeyOf(pair.Arabic, settings), new SentenceTranslation(pair.English, payer, ArticleGlossary.OccurringIn(EntriesNeededBy(paragraph.Index), pair.Arabic)))))];

    private ImmutableArray<SentenceQuery> SentenceQueries(int paragraph, PlanSettings settings) =>
        [.. SentenceSplitter.Split(Paragraphs[paragraph]).Select(sentence =>
            new SentenceQuery(SentenceKeyOf(sentence, settings), ArticleGlossary.OccurringIn(EntriesNeededBy(paragraph), sentence)))];

    private string SentenceKeyOf(string sentence, PlanSettings settings) => SentenceKey.For(sentence, Mode, settings.Model, TranslationPrompt.Version);
}
