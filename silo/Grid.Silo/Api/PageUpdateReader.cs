using Grid.Abstractions.Articles;
using Grid.Grains.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Silo.Api;

/// <summary>
/// An update by URL alone (<c>PUT {"url"}</c>): the page is fetched again here, within the outbound guard, the page
/// limits and their retries, and the article it holds is the new text. Done before the article's grain is called,
/// so the grain never waits on a web site; the caller waits for one fetch (its answer says what the page was).
/// </summary>
public static class PageUpdateReader
{
    public static async Task<(ArticleSubmission? Submission, ProblemHttpResult? Problem)> FetchAsync(
        ArticleSubmission submission, PageIntake intake, PageLoader pages, CancellationToken cancellationToken)
    {
        // The same checks as a submission by URL: a private or malformed address is refused naming the setting.
        if (intake.Prepare(submission).Rejection is { } refused)
            return (null, Problems.Rejected(refused));
        var load = await pages.LoadAsync(submission.Url!, cancellationToken);
        if (load.Failure is { } failure)
            return (null, Problems.Rejected(new SubmitRejection(RejectionKind.NoArticle, $"The page could not be used for a new revision: {failure}")));
        var page = load.Page!;
        return (submission with { Text = page.Text, Source = submission.Source ?? page.SiteName }, null);
    }
}
