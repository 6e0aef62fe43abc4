using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Outbound;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Pages;

/// <summary>
/// What the front door does with a submission that is a web page: raw HTML is reduced to its article
/// text here (one extraction for every client), and a URL is checked and keyed by its normalized form,
/// to be fetched by the article itself.
/// </summary>
public sealed class PageIntake(IOptions<OutboundOptions> outbound)
{
    /// <summary>A submission by URL alone: no text, no HTML; the article fetches the page.</summary>
    public static bool IsByUrl(ArticleSubmission submission) =>
        string.IsNullOrWhiteSpace(submission.Text) && submission.Html is null && !string.IsNullOrWhiteSpace(submission.Url);

    /// <summary>The submission the article gets and the article's id, or why there is none.</summary>
    public (ArticleSubmission Submission, string? Id, SubmitRejection? Rejection) Prepare(ArticleSubmission submission)
    {
        if (submission.Html is { } html && string.IsNullOrWhiteSpace(submission.Text))
        {
            var where = submission.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var pageUri) ? pageUri : new Uri("about:blank");
            if (PageArticle.Extract(html, where) is not { } page)
                return (submission, null, new(RejectionKind.NoArticle, PageLoader.NoArticle("the page")));
            var text = submission with { Text = page.Text, Html = null, Source = submission.Source ?? page.SiteName };
            return (text, text.Id ?? ArticleIds.For(text), null);
        }
        if (!IsByUrl(submission))
            return (submission, submission.Id ?? ArticleIds.For(submission), null);

        var address = submission.Url!.Trim();
        if (address.Length > SubmissionValidator.MaxUrlLength)
            return (submission, null, new(RejectionKind.FieldTooLong, $"'url' is {address.Length:N0} characters; the limit is {SubmissionValidator.MaxUrlLength:N0}."));
        if (OutboundUrlRules.Problem(address, outbound.Value.AllowPrivateNetworks) is { } problem)
            return (submission, null, new(RejectionKind.InvalidUrl, $"'url' cannot be fetched: {problem}"));
        var byUrl = submission with { Url = address };
        return (byUrl, byUrl.Id ?? PageUrl.IdFor(address), null);
    }
}
