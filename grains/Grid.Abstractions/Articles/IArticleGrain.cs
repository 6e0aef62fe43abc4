using Orleans.Concurrency;
using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Articles;

/// <summary>
/// One article, keyed by its id. Every call answers at once; translation and summary run in the
/// background and the article's state records progress as it happens.
/// </summary>
[Alias("grid.IArticleGrain")]
public interface IArticleGrain : IGrainWithStringKey
{
    /// <summary>Validates, parses and chunks the text, stores it and starts the work; answers from what exists for known text.</summary>
    [Alias("submit")]
    Task<SubmitResult> SubmitAsync(ArticleSubmission submission);

    /// <summary>
    /// A new text for the article: its next revision. Paragraphs it had already keep their English
    /// (from the paragraph cache), the others are translated and the summary is made again. A revision
    /// still in work is superseded: its running work is dropped (what it finished is in the caches).
    /// </summary>
    [Alias("update")]
    Task<RevisionReceipt> UpdateAsync(ArticleSubmission submission);

    /// <summary>One revision as it was; the newest as it is now.</summary>
    [Alias("get-revision"), ReadOnly, AlwaysInterleave]
    Task<RevisionLookup> GetRevisionAsync(int revision);

    /// <summary>The whole result so far, or null when no article has this id.</summary>
    [Alias("get"), ReadOnly, AlwaysInterleave]
    Task<ArticleView?> GetAsync();

    /// <summary>Status and chunk counts, or null when no article has this id.</summary>
    [Alias("progress"), ReadOnly, AlwaysInterleave]
    Task<ArticleProgress?> GetProgressAsync();

    /// <summary>
    /// Removes the article: its state, its line in the list and its place among unfinished work.
    /// Its chunks' translations stay in the cache, which other articles share. False when no
    /// article has this id; the clean-up runs all the same, so a retried delete finishes the job.
    /// </summary>
    [Alias("delete")]
    Task<bool> DeleteAsync();

    /// <summary>
    /// Called by a chunk translation grain when the chunk this article asked for begins to wait for a
    /// backend (none reachable, all out of rotation or busy), and with null when one takes it.
    /// </summary>
    [Alias("chunk-waiting"), OneWay]
    Task OnChunkWaitingAsync(string chunkKey, BackendWait? wait);

    /// <summary>
    /// Re-drives the parts of a finished article that a backend outage left untranslated, without a
    /// resubmission; nothing when it has none. Called by the watchdog once a backend is usable again.
    /// </summary>
    [Alias("redrive")]
    Task RedriveAsync();

    /// <summary>Called by a chunk translation grain when the chunk this article asked for is done.</summary>
    [Alias("chunk-translated"), OneWay]
    Task OnChunkTranslatedAsync(string chunkKey, ChunkTranslationResult result);
}
