using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Feeds;
using Grid.Grains.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Feeds;

/// <summary>
/// One followed feed. A reminder (durable where the reminder service is) ticks every
/// <see cref="FeedOptions.ReminderPeriod"/> and the feed polls when its time has come; the poll runs in the
/// background, so every call answers at once. An item is marked seen only once its article is accepted, and
/// an article by URL is keyed by the URL: a poll cut short by a crash submits again, and that is the same article.
/// </summary>
public sealed partial class FeedGrain(
    [PersistentState("feed", GridStorage.Articles)] IPersistentState<FeedState> state,
    FeedFetcher fetcher,
    IOptions<FeedOptions> options,
    IOptions<OutboundOptions> outbound,
    ILogger<FeedGrain> logger) : Grain, IFeedGrain, IRemindable
{
    private const string ReminderName = "poll";

    /// <summary>Articles listed on the feed's view: the most recent ones.</summary>
    private const int RecentArticles = 50;

    private Task? _polling;

    /// <summary>A poll was asked for while one ran: the feed may have changed since that one fetched it.</summary>
    private bool _pollAgain;

    private string Id => this.GetPrimaryKeyString();

    private FeedState Feed => state.State;

    private FeedOptions Settings => options.Value;

    private IFeedCatalogGrain Catalog => GrainFactory.Singleton<IFeedCatalogGrain>();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Feed.Exists)
            await this.RegisterOrUpdateReminder(ReminderName, Settings.ReminderPeriod, Settings.ReminderPeriod);
    }

    public async Task<FeedResult> SubscribeAsync(FeedSubscription subscription)
    {
        var url = subscription.Url?.Trim() ?? "";
        if (OutboundUrlRules.Problem(url, outbound.Value.AllowPrivateNetworks) is { } problem)
            return new FeedRejection($"'url' cannot be followed: {problem}");
        if (subscription.Every < Settings.MinimumEvery)
            return new FeedRejection($"'every' is {subscription.Every}; the shortest poll interval is {Settings.MinimumEvery} (Grid:Feeds:MinimumEvery).");

        var created = !Feed.Exists;
        if (created)
        {
            // Listed before it is stored: a feed that exists is always found by the sweep that wakes feeds.
            await Catalog.AddAsync(Id);
            state.State = new FeedState { Url = url, CreatedAt = DateTimeOffset.UtcNow, NextPollAt = DateTimeOffset.UtcNow };
        }
        (Feed.Every, Feed.Glossary, Feed.Mode, Feed.Priority) = (subscription.Every, subscription.Glossary.IsDefault ? [] : subscription.Glossary, subscription.Mode, subscription.Priority);
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, Settings.ReminderPeriod, Settings.ReminderPeriod);
        if (created)
            StartPoll();
        return new FeedReceipt(View(), created);
    }

    public Task<FeedView?> GetAsync() => Task.FromResult(Feed.Exists ? View() : null);

    public Task<FeedView?> PollNowAsync()
    {
        if (!Feed.Exists)
            return Task.FromResult<FeedView?>(null);
        _pollAgain = _polling is not null;
        StartPoll();
        return Task.FromResult<FeedView?>(View());
    }

    public async Task<bool> DeleteAsync()
    {
        var existed = Feed.Exists;
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
        if (existed)
        {
            await state.ClearStateAsync();
            state.State = new FeedState();
        }
        await Catalog.RemoveAsync(Id);
        DeactivateOnIdle();
        return existed;
    }

    public Task WakeAsync()
    {
        // Activation registered the reminder; a poll that fell due while no silo ran starts now.
        if (Feed.Exists && DateTimeOffset.UtcNow >= Feed.NextPollAt)
            StartPoll();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Feed.Exists)
        {
            // Deleted while a tick was on its way.
            if (await this.GetReminder(reminderName) is { } reminder)
                await this.UnregisterReminder(reminder);
            return;
        }
        if (DateTimeOffset.UtcNow >= Feed.NextPollAt)
            StartPoll();
    }

    private void StartPoll() => _polling ??= PollAsync();

    private async Task PollAsync()
    {
        try
        {
            var fetch = await fetcher.FetchAsync(Feed.Url!, Feed.ETag, Feed.LastModified);
            if (!Feed.Exists)
                return;
            var now = DateTimeOffset.UtcNow;
            Feed.LastPollAt = now;
            if (fetch.Failure is { } failure)
            {
                Feed.Failures++;
                Feed.LastError = failure;
                Feed.LastOutcome = "failed";
                Feed.NextPollAt = now + Backoff(Feed.Failures);
                LogPollFailed(Id, Feed.Failures, failure);
            }
            else
            {
                Feed.LastOutcome = fetch.NotModified ? "not modified" : await SubmitNewItemsAsync(fetch);
                if (!fetch.NotModified)
                    (Feed.ETag, Feed.LastModified, Feed.Title) = (fetch.ETag, fetch.LastModified, fetch.Title ?? Feed.Title);
                Feed.NextPollAt = DateTimeOffset.UtcNow + Feed.Every;
            }
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            // Storage or the cluster failed mid-poll: the next tick polls again, and a re-submitted item is the same article.
            LogPollBroken(Id, error.Message);
        }
        finally
        {
            _polling = null;
            if (_pollAgain && Feed.Exists)
            {
                _pollAgain = false;
                StartPoll();
            }
        }
    }

    /// <summary>Submits the items never seen, in the feed's order; what cannot be submitted now waits for the next poll.</summary>
    private async Task<string> SubmitNewItemsAsync(FeedFetch fetch)
    {
        var seen = Feed.Seen.ToHashSet(StringComparer.Ordinal);
        var fresh = fetch.Items.Where(item => !seen.Contains(item.Key)).DistinctBy(item => item.Key).Take(Settings.MaxItemsPerPoll).ToList();
        var intake = GrainFactory.Singleton<IArticleIntakeGrain>();
        string? problem = null;
        foreach (var item in fresh)
        {
            SubmitResult result;
            // The feed owns its articles: its items take turns with other owners' work for the LLM.
            using (SubmissionOwner.As(SubmissionOwner.OfFeed(Id)))
                result = await intake.SubmitAsync(new ArticleSubmission("", Url: item.Link, Glossary: Feed.Glossary, Mode: Feed.Mode, Priority: Feed.Priority, Feed: Id));
            if (!Feed.Exists)
                return "deleted";
            if (result is SubmitRejection { Kind: RejectionKind.Unavailable } unavailable)
            {
                problem = $"{item.Link} could not be submitted yet: {unavailable.Detail}";
                break;
            }
            Remember(item.Key);
            if (result is SubmitRejection rejection)
            {
                // Refused for good (an address Grid does not fetch, say): seen, so it is not asked again, and shown.
                problem = $"{item.Link} was refused: {rejection.Detail}";
                continue;
            }
            Feed.ArticlesMade++;
            Feed.RecentArticles.Add(((SubmitReceipt)result).Id);
            if (Feed.RecentArticles.Count > RecentArticles)
                Feed.RecentArticles.RemoveAt(0);
        }
        Feed.Failures = 0;
        Feed.LastError = problem;
        return fresh.Count == 0 ? "no new items" : "new items";
    }

    private void Remember(string key)
    {
        Feed.Seen.Add(key);
        Feed.ItemsSeen++;
        if (Feed.Seen.Count > Settings.MaxRememberedItems)
            Feed.Seen.RemoveRange(0, Feed.Seen.Count - Settings.MaxRememberedItems);
    }

    /// <summary>The interval, doubled for each failure in a row, up to <see cref="FeedOptions.MaxBackoff"/>.</summary>
    private TimeSpan Backoff(int failures)
    {
        var wait = Feed.Every * Math.Pow(2, Math.Min(failures, 20));
        return wait > Settings.MaxBackoff ? Settings.MaxBackoff : wait;
    }

    private FeedView View() => new()
    {
        Id = Id,
        Url = Feed.Url!,
        Every = Feed.Every,
        Title = Feed.Title,
        CreatedAt = Feed.CreatedAt,
        LastPollAt = Feed.LastPollAt,
        NextPollAt = Feed.NextPollAt,
        ItemsSeen = Feed.ItemsSeen,
        ArticlesMade = Feed.ArticlesMade,
        LastError = Feed.LastError,
        Failures = Feed.Failures,
        LastOutcome = _polling is null ? Feed.LastOutcome : "polling",
        Mode = Feed.Mode,
        Priority = Feed.Priority,
        Glossary = Feed.Glossary.IsDefault ? [] : Feed.Glossary,
        RecentArticles = [.. Feed.RecentArticles],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Id}: poll failed ({Failures} in a row): {Error}")]
    private partial void LogPollFailed(string id, int failures, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Id}: poll broken off, the next tick polls again: {Error}")]
    private partial void LogPollBroken(string id, string error);
}
