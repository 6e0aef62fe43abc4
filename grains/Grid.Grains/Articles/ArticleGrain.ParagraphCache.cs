using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Translation;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>The article's side of the paragraph cache: asked before the units are packed (and again when a wait on a claim runs out), given every accepted answer's paragraphs.</summary>
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
        _lookupsUnderWay++;
        try
        {
            answers = await Task.WhenAll(asked.Select(paragraph => LookUpAsync(paragraph.Key, Plan.EntriesNeededBy(paragraph.Paragraph))));
        }
        finally
        {
            _lookupsUnderWay--;
        }
        if (!Article.Exists || Superseded(revision) || Article.Status is not (ArticleStatus.Queued or ArticleStatus.Translating))
            return;
        CountLookups(answers);
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
        {
            try
            {
                _ = GrainFactory.GetGrain<IParagraphTranslationGrain>(key).KeepAsync(new ParagraphTranslation(english, result.ProducedFor, entries));
            }
            catch (Exception error)
            {
                LogParagraphNotKept(Id, key, error.Message);
            }
        }
        foreach (var key in Plan.SettleClaims())
            ReleaseClaim(key);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the paragraph cache for {Key} could not be read, so the paragraph is translated: {Error}")]
    private partial void LogParagraphCacheUnread(string id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: paragraph {Key} could not be given to the paragraph cache: {Error}")]
    private partial void LogParagraphNotKept(string id, string key, string error);
}
