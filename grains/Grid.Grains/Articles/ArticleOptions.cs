namespace Grid.Grains.Articles;

/// <summary>Limits and chunking for submitted articles: <c>Grid:Articles</c>.</summary>
public sealed class ArticleOptions
{
    public const string Section = "Grid:Articles";

    /// <summary>The largest article accepted, in UTF-8 bytes.</summary>
    public int MaxTextBytes { get; set; } = 256 * 1024;

    /// <summary>The most chunks one article may need; a cap on what one submission can cost.</summary>
    public int MaxChunks { get; set; } = 200;

    /// <summary>The token budget of one chunk's Arabic text.</summary>
    public int ChunkTokens { get; set; } = 600;

    /// <summary>
    /// How often unfinished work is looked at again: each article re-asks for chunks whose answer
    /// has not come, and every silo sweeps the index of unfinished articles so that work lost with
    /// a crashed silo is re-driven.
    /// </summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an article gathers progress that costs nothing to lose before writing it (ArticleGrain.SaveWindow.cs):
    /// answers the chunk cache already holds, English from the paragraph cache, its status moving on. Answers that
    /// arrive together are written once. A crash loses at most this much of such progress, which the article then
    /// asks the caches for again without an LLM call. What is paid for and kept nowhere else (the submission, the
    /// glossary, a failed answer, the summary) is written at once. Zero writes every change at once.
    /// </summary>
    public TimeSpan SaveWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most translation requests one article has out at once (each waiting for a slot or running); the next goes
    /// as an answer comes back. Keeps a large backlog cheap: queued articles hold a few requests each, not all their chunks.
    /// </summary>
    public int MaxRequestsOut { get; set; } = 4;

    /// <summary>
    /// How many shard grains track unfinished articles (each article in the one its id hashes to): an article's
    /// submit and finish write only its shard, and a sweep spreads over them. A count used before is still swept
    /// for what it holds, so changing it loses nothing.
    /// </summary>
    public int UnfinishedShards { get; set; } = 16;

    /// <summary>
    /// How long a claim on translating a paragraph holds (ArticlePlan.ParagraphClaims.cs): articles that
    /// need the paragraph meanwhile wait for its English instead of paying for it. Renewed at every watchdog
    /// tick while the claimant works, so only a claimant that stopped (its silo died) lets it run out; then
    /// the waiting articles translate the paragraph themselves. At least two watchdog periods.
    /// </summary>
    public TimeSpan ParagraphClaimDeadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The revisions an article keeps, the newest included: when a new text makes one more, the oldest
    /// is dropped (asking for it is 410). Each kept revision holds its text, English and summary.
    /// </summary>
    public int MaxRevisions { get; set; } = 10;

    /// <summary>Characters per token for estimating Arabic until a backend reports real counts.</summary>
    public double CharsPerToken { get; set; } = 3.0;
}
