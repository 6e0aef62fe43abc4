using Grid.Abstractions.Articles;
using Grid.Grains.Pages;
using Grid.Grains.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Articles;

/// <summary>
/// The article's side of a submission by URL: stored at once as <see cref="ArticleStatus.Fetching"/>, the page
/// is fetched and its article extracted in the background (the watchdog's timer starts it, and starts it again
/// after a crash), and its text then goes the way of any submitted text.
/// </summary>
public sealed partial class ArticleGrain
{
    /// <summary>Stands for the parse while there is no text yet, so that views and list lines can be built.</summary>
    private static readonly ParsedArticle NothingParsedYet = new(null, null, null, [], []);

    private Task? _fetching;

    private PageLoader Pages => ServiceProvider.GetRequiredService<PageLoader>();

    private async Task<SubmitResult> StoreFetchingAsync(ArticleSubmission submission)
    {
        if (CallbackCheck.Check(submission) is { } rejection)
        {
            DeactivateOnIdle();
            return rejection;
        }
        var now = DateTimeOffset.UtcNow;
        return await StoreNewAsync(new ArticleState
        {
            Submission = submission,
            Parsed = NothingParsedYet,
            // No paragraphs until the page is in: views and list lines read the plan.
            Plan = new ArticlePlan { Title = submission.Title },
            Status = ArticleStatus.Fetching,
            SubmittedAt = now,
            RoundStartedAt = now,
            PageUrl = PageUrl.Normalize(submission.Url!),
        });
    }

    /// <summary>The same page asked for again (its text is what was extracted, so the text does not say).</summary>
    private bool IsSamePage(ArticleSubmission submission) =>
        Article.PageUrl is { } page && PageIntake.IsByUrl(submission) && PageUrl.Normalize(submission.Url!) == page;

    /// <summary>Failed before there was any text: the page could not be had or held no article.</summary>
    private bool FetchFailed => Article.PageUrl is not null && Article.Status == ArticleStatus.Failed && Article.Plan is not { Paragraphs.IsEmpty: false };

    /// <summary>Submitting a page that could not be had again tries again: the site may be back, or the page fixed.</summary>
    private async Task FetchAgainAsync()
    {
        Article.Status = ArticleStatus.Fetching;
        Article.Failure = null;
        Article.FinishedAt = null;
        Article.RoundStartedAt = DateTimeOffset.UtcNow;
        await Watchdog.TrackAsync(Id);
        await SaveAsync();
        ResumeWork();
    }

    private async Task FetchPageAsync()
    {
        using var activity = GridTelemetry.StartInTraceOf("article.fetch", Article.TraceParent, Id);
        var url = Article.Submission!.Url!;
        PageLoad load;
        try
        {
            load = await Pages.LoadAsync(url);
        }
        finally
        {
            _fetching = null;
        }
        // Deleted, or finished by another path, while the page was on its way.
        if (!Article.Exists || Article.Status != ArticleStatus.Fetching)
            return;
        if (load.Failure is { } failure)
        {
            await FinishAsync(ArticleStatus.Failed, failure);
            return;
        }

        var page = load.Page!;
        var submission = Article.Submission with { Text = page.Text, Source = Article.Submission.Source ?? page.SiteName };
        var draft = ArticleDraft.Create(submission, _options, _translator.Model, _translation);
        if (draft.Rejection is { } rejection)
        {
            await FinishAsync(ArticleStatus.Failed, $"The article of {url} cannot be translated: {rejection.Detail}");
            return;
        }
        LogFetched(Id, url, draft.State!.Parsed!.Paragraphs.Length);
        _state.State = Fetched(draft.State!);
        await SaveAsync();
        await WatchdogTickAsync(CancellationToken.None);
    }

    /// <summary>The new state keeps what the article already was: when it was submitted, its trace, its warnings, its page.</summary>
    private ArticleState Fetched(ArticleState made)
    {
        made.SubmittedAt = Article.SubmittedAt;
        made.RoundStartedAt = Article.RoundStartedAt;
        made.TraceParent = Article.TraceParent;
        made.PageUrl = Article.PageUrl;
        made.Owner = Article.Owner;
        made.Warnings.InsertRange(0, Article.Warnings);
        return made;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {Id}: fetched {Url}, {Paragraphs} body paragraphs")]
    private partial void LogFetched(string id, string url, int paragraphs);
}
