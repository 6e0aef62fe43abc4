using Grid.Abstractions.Translation;
using Grid.Grains.Translation;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>The article's side of the paragraph cache: asked before the units are packed, given every accepted answer's paragraphs.</summary>
public sealed partial class ArticleGrain
{
    /// <summary>Fills the paragraphs the cache answers and has the plan pack the rest; a paragraph whose cache grain cannot be read is translated.</summary>
    private async Task LookUpParagraphsAsync()
    {
        using var activity = GridTelemetry.StartInTraceOf("article.paragraph-cache", Article.TraceParent, Id);
        var (keys, revision) = (Plan.ParagraphKeys(Settings), Article.CurrentRevision);
        var answers = await Task.WhenAll(keys.Select(paragraph => CachedParagraphAsync(paragraph.Key)));
        if (!Article.Exists || Superseded(revision) || !Plan.LookupPending)
            return;
        var found = new Dictionary<int, string>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (answers[i] is { } cached)
                found[keys[i].Paragraph] = cached.English;
        }
        GridTelemetry.ParagraphLookups.Add(found.Count, new KeyValuePair<string, object?>("grid.cache", "hit"));
        GridTelemetry.ParagraphLookups.Add(keys.Count - found.Count, new KeyValuePair<string, object?>("grid.cache", "miss"));
        Article.CachedParagraphs += Plan.FillFromCache(found, Settings);
        await SaveAsync();
        await ContinueAsync(redispatch: true);
    }

    private async Task<ParagraphTranslation?> CachedParagraphAsync(string key)
    {
        try
        {
            return await GrainFactory.GetGrain<IParagraphTranslationGrain>(key).GetAsync();
        }
        catch (Exception error)
        {
            LogParagraphCacheUnread(Id, key, error.Message);
            return null;
        }
    }

    /// <summary>Gives the paragraphs an accepted answer made whole to the paragraph cache; one way, as a lost write only costs a later miss.</summary>
    private void KeepParagraphs(string chunkKey, ChunkTranslationResult result)
    {
        foreach (var (key, english) in Plan.ParagraphsAnsweredBy(chunkKey, Settings))
        {
            try
            {
                _ = GrainFactory.GetGrain<IParagraphTranslationGrain>(key).KeepAsync(new ParagraphTranslation(english, result.ProducedFor));
            }
            catch (Exception error)
            {
                LogParagraphNotKept(Id, key, error.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: the paragraph cache for {Key} could not be read, so the paragraph is translated: {Error}")]
    private partial void LogParagraphCacheUnread(string id, string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Id}: paragraph {Key} could not be given to the paragraph cache: {Error}")]
    private partial void LogParagraphNotKept(string id, string key, string error);
}
