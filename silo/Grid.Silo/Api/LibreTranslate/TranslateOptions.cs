namespace Grid.Silo.Api.LibreTranslate;

/// <summary>The LibreTranslate-compatible endpoints: <c>Grid:Translate</c>.</summary>
public sealed class TranslateOptions
{
    public const string Section = "Grid:Translate";

    /// <summary>Most characters one <c>POST /translate</c> may hold (all its <c>q</c> together); longer texts go to <c>/api/articles</c>.</summary>
    public int MaxChars { get; set; } = 5000;

    /// <summary>How long <c>/translate</c> waits for its chunks before answering 503; the work goes on and a repeat answers from the cache.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a waiting <c>/translate</c> looks at its chunks' results.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often it asks again for chunks still without an answer, which restarts one whose work failed.</summary>
    public TimeSpan RestartInterval { get; set; } = TimeSpan.FromSeconds(10);
}
