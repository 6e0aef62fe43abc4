using System.Collections.Immutable;
using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Translation;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>
/// The article's side of the paragraph cache and the sentence memory beside it: asked before the units are packed (and again
/// when a wait on a claim runs out), given every accepted answer's paragraphs and their sentences.
/// </summary>
public sealed partial class ArticleGrain
{
    /// <summary>
    /// Asks the cache for the paragraphs the plan names, each with the glossary entries it needs: fills those it
    /// answers with a variant rendering them, claims those no one translates, waits on those another article does; the plan packs what is this article's to translate.
    /// A paragraph whose cache grain cannot be read is translated.
    /// </summary>
    private async Task LookUpParagraphsAsync()
    {
        using var activity = GridTelemetry.StartInTraceOf("article.paragraph-cache", Article.TraceParent, Id);
        var (asked, revision) = (Plan.ParagraphsToAsk(Settings, DateTimeOffset.UtcNow), Article.CurrentRevision);
        if (asked.Count == 0)
            return;
        ParagraphLookup?[] answers;
        int fromSentences;
        _lookupsUnderWay++;
        try
        {
            answers = await Task.WhenAll(asked.Select(paragraph => LookUpAsync(paragraph.Key, Plan.EntriesNeededBy(paragraph.Paragraph))));
            CountLookups(answers);
            fromSentences = await FillFromSentenceMemoryAsync(asked, answers);
        }
        finally
        {
            _lookupsUnderWay--;
        }
        if (!Article.Exists || Superseded(revision) || Article.Status is not (ArticleStatus.Queued or ArticleStatus.Translating))
            return;
        if (fromSentences > 0)
            GridTelemetry.ParagraphLookups.Add(fromSentences, new KeyValuePair<string, object?>("grid.cache", "sentences"));
        // The clock read after the answers: a wait runs from when the article heard of the claim.
        Article.CachedParagraphs += Plan.TakeLookups([.. asked.Select((paragraph, i) => (paragraph.Paragraph, paragraph.Key, answers[i]))], Settings, DateTimeOffset.UtcNow);
        TakeSettledWhileAsking();
        await SaveSoonAsync();
        ScheduleClaimCheck();
        await ContinueAsync(redispatch: true);
    }

    private async Task<ParagraphLookup?> LookUpAsync(string key, ImmutableArray<GlossaryEntry> needed)
    {
        try
        {
            return await GrainFactory.GetGrain<IParagraphTranslationGrain>(key).ClaimAsync(Id, needed, _options.ParagraphClaimDeadline, Article.Lane);
        }
        catch (Exception error)
        {
            LogParagraphCacheUnread(Id, key, error.Message);
            return null;
        }
    }

    /// <summary>
    /// Asks the sentence memory about the paragraphs the paragraph cache left this article to translate, one call per
    /// paragraph (never per sentence, never for a paragraph the cache answered), claiming the sentences no one translates:
    /// a paragraph it serves becomes a cache answer, and its English is given to the paragraph cache, which ends this
    /// article's claim and tells the articles waiting on it; a paragraph with a sentence another article translates waits
    /// for it. A paragraph whose sentences cannot be read is translated. Returns how many it served.
    /// </summary>
    private async Task<int> FillFromSentenceMemoryAsync(IReadOnlyList<(int Paragraph, string Key)> asked, ParagraphLookup?[] answers)
    {
        var settings = Settings;
        var ask = Plan.SentencesToAsk(asked.Select((paragraph, i) => (paragraph.Paragraph, answers[i])), settings);
        if (ask.Count == 0)
            return 0;
        var memory = GrainFactory.Singleton<ISentenceMemoryGrain>();
        var found = await Task.WhenAll(ask.Select(paragraph => LookUpSentencesAsync(memory, paragraph.Sentences)));
        var (served, payer, at) = (0, Article.Payer(Id), asked.Select((paragraph, i) => (paragraph.Paragraph, i)).ToDictionary());
        for (var i = 0; i < ask.Count; i++)
        {
            if (Plan.TakeSentences(ask[i].Paragraph, found[i], payer, settings) is not { } lookup)
                continue;
            var index = at[ask[i].Paragraph];
            answers[index] = lookup;
            if (lookup.Translation is { } translation)
            {
                KeepParagraph(asked[index].Key, translation);
                served++;
            }
        }
        return served;
    }

    private async Task<ImmutableArray<SentenceLookup?>> LookUpSentencesAsync(ISentenceMemoryGrain memory, ImmutableArray<SentenceQuery> sentences)
    {
        try
        {
            return await memory.LookUpAsync(Id, sentences, _options.ParagraphClaimDeadline);
        }
        catch (Exception error)
        {
            LogSentenceMemoryUnread(Id, error.Message);
            return [];
        }
    }

    private static void CountLookups(ParagraphLookup?[] answers)
    {
        foreach (var outcome in answers.GroupBy(answer => answer?.Kind switch
        {
            ParagraphLookupKind.Cached => "hit",
            ParagraphLookupKind.Taken => "wait",
            _ => "miss",
        }))
            GridTelemetry.ParagraphLookups.Add(outcome.Count(), new KeyValuePair<string, object?>("grid.cache", outcome.Key));
    }

    /// <summary>
    /// Gives the paragraphs an accepted answer made whole to the paragraph cache (which tells the articles
    /// waiting on them), and gives up the claims on paragraphs the answer left without English; one way, as
    /// a lost write only costs a later miss, and a lost release a wait until the claim runs out.
    /// </summary>
    private void KeepParagraphs(string chunkKey, ChunkTranslationResult result)
    {
        foreach (var (key, english, entries) in Plan.ParagraphsAnsweredBy(chunkKey, Settings))
            KeepParagraph(key, new ParagraphTranslation(english, result.ProducedFor, entries));
        KeepSentences(chunkKey, result);
        foreach (var key in Plan.SettleClaims())
            ReleaseClaim(key);
    }

    private void KeepParagraph(string key, ParagraphTranslation translation)
    {
        try
        {
            _ = GrainFactory.GetGrain<IParagraphTranslationGrain>(key).KeepAsync(translation);
        }
        catch (Exception error)
        {
            LogParagraphNotKept(Id, key, error.Message);
        }
    }

    /// <summary>
    /// Gives the sentence memory the sentences of the paragraphs an answer made whole (and gives up this article's claims on
    /// the sentences of those it could not pair or left without English): one call for them all, one way.
    /// </summary>
    private void KeepSentences(string chunkKey, ChunkTranslationResult result)
    {
        var (kept, givenUp) = Plan.SentencesAnsweredBy(chunkKey, result, Settings);
        TellSentenceMemory(kept, givenUp);
    }

    private void TellSentenceMemory(IReadOnlyList<SentencePair> kept, IReadOnlyList<string> givenUp)
    {
        if (kept.Count + givenUp.Count == 0)
            return;
        try
        {
            _ = GrainFactory.Singleton<ISentenceMemoryGrain>().KeepAsync(Id, [.. kept], [.. givenUp]);
        }
        catch (Exception error)
        {
            LogSentencesNotKept(Id, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the paragraph cache for {Key} could not be read, so the paragraph is translated: {Error}")]
    private partial void LogParagraphCacheUnread(string id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: paragraph {Key} could not be given to the paragraph cache: {Error}")]
    private partial void LogParagraphNotKept(string id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the sentence memory could not be read, so the paragraph is translated: {Error}")]
    private partial void LogSentenceMemoryUnread(string id, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: sentences could not be given to the sentence memory: {Error}")]
    private partial void LogSentencesNotKept(string id, string error);
}
