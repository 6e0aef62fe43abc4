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
    /// The revisions an article keeps, the newest included: when a new text makes one more, the oldest
    /// is dropped (asking for it is 410). Each kept revision holds its text, English and summary.
    /// </summary>
    public int MaxRevisions { get; set; } = 10;

    /// <summary>Characters per token for estimating Arabic until a backend reports real counts.</summary>
    public double CharsPerToken { get; set; } = 3.0;
}
