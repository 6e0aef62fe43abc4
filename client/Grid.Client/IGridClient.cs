using Grid.Abstractions.Articles;
using Grid.Abstractions.Feeds;

namespace Grid.Client;

/// <summary>
/// Submit articles to a Grid cluster and read the bilingual results. Every call throws
/// <see cref="GridUnavailableException"/> when no silo can be reached, and honours its cancellation token.
/// </summary>
public interface IGridClient
{
    /// <summary>Submits an article; the same text again gives the same id and costs nothing.</summary>
    /// <exception cref="GridSubmissionException">The article was refused; the exception says why.</exception>
    Task<SubmitReceipt> SubmitAsync(ArticleSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits many articles, a few at a time, and answers for each in the same order. One that is
    /// refused does not stop the others: its answer is a <see cref="SubmitRejection"/> where the others' are a <see cref="SubmitReceipt"/>.
    /// </summary>
    Task<IReadOnlyList<SubmitResult>> SubmitManyAsync(IEnumerable<ArticleSubmission> submissions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives an existing article a new text: its next revision (<see cref="RevisionOutcome.Created"/>), or
    /// <see cref="RevisionOutcome.Unchanged"/> when the text is its newest revision's. Paragraphs it had keep
    /// their English; what the submission leaves out (title, source, url, glossary, callback) stays the article's.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No article has this id (an update never creates one).</exception>
    /// <exception cref="GridSubmissionException">The text was refused, or the article has no text to revise yet; the article is as it was.</exception>
    Task<RevisionReceipt> UpdateAsync(string id, ArticleSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>One revision of an article as it read (the newest as it reads now); null for an unknown id, or a revision it does not have (never had, or dropped).</summary>
    Task<ArticleRevision?> GetRevisionAsync(string id, int revision, CancellationToken cancellationToken = default);

    /// <summary>The article as it stands, or null for an unknown id.</summary>
    Task<ArticleView?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Status and chunk counts, or null for an unknown id.</summary>
    Task<ArticleProgress?> GetProgressAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes an article; its translations stay in the cache that all articles share. False for an unknown id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A page of the recent articles, newest first; only those in <paramref name="status"/> when it is given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1, or the page size outside 1 to <see cref="ArticleListQuery.MaxPageSize"/>.</exception>
    Task<ArticleListPage> ListAsync(ArticleStatus? status = null, int page = 1, int pageSize = ArticleListQuery.DefaultPageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the articles that match <paramref name="query"/>: searched in both languages, filtered by status and
    /// date, newest first or by rank, by page number or by the cursor of the page before (<see cref="ArticleListPage.Next"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The query has a <see cref="ArticleListQuery.Problem"/>, or its search has no words.</exception>
    /// <exception cref="NotSupportedException">A search, on a cluster that keeps its list in a grain (Redis or in-memory storage).</exception>
    Task<ArticleListPage> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows an article: yields its progress now and every time it changes, in order, and ends
    /// after the progress that is completed or failed.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No article has this id, or it was deleted while being watched.</exception>
    IAsyncEnumerable<ArticleProgress> WatchAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows an RSS or Atom feed (the same URL again is the same feed, its settings updated): a <see cref="FeedReceipt"/>,
    /// or a <see cref="FeedRejection"/> saying why when it cannot be followed.
    /// </summary>
    Task<FeedResult> FollowFeedAsync(FeedSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>The followed feeds, oldest first.</summary>
    Task<IReadOnlyList<FeedView>> ListFeedsAsync(CancellationToken cancellationToken = default);

    /// <summary>A feed, or null for an unknown id.</summary>
    Task<FeedView?> GetFeedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Starts a poll of the feed now (it runs in the background); null for an unknown id.</summary>
    Task<FeedView?> PollFeedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stops following a feed (its articles stay); false for an unknown id.</summary>
    Task<bool> UnfollowFeedAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Waits until the article is completed or failed, reporting progress as it changes.</summary>
    /// <exception cref="KeyNotFoundException">No article has this id.</exception>
    Task<ArticleView> WaitAsync(string id, IProgress<ArticleProgress>? progress = null, CancellationToken cancellationToken = default);
}
