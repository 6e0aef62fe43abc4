using Orleans.Runtime;

namespace Grid.Abstractions.Articles;

/// <summary>
/// Whose submission it is (an API key's name such as <c>key-1</c>, a feed), carried in the Orleans request context
/// from whoever accepted it (the HTTP API, a feed's grain, a client) to the article, which keeps it: within a priority,
/// owners take turns for the LLM, so one owner's import cannot starve another's few articles. Never the key itself.
/// </summary>
public static class SubmissionOwner
{
    private const string ContextKey = "grid.owner";

    /// <summary>The owner of submissions that name none (an open API, a client that says nothing).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The owner of the call being served, or <see cref="Anonymous"/>.</summary>
    public static string Current => RequestContext.Get(ContextKey) is string { Length: > 0 } owner ? owner : Anonymous;

    /// <summary>The owner of a feed's articles: the feed, whoever subscribed it.</summary>
    public static string OfFeed(string feedId) => $"feed:{feedId}";

    /// <summary>Names <paramref name="owner"/> for the calls made until the scope is disposed (then the previous owner again).</summary>
    public static IDisposable As(string owner)
    {
        var previous = RequestContext.Get(ContextKey);
        RequestContext.Set(ContextKey, owner);
        return new Restore(previous);
    }

    private sealed class Restore(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
                RequestContext.Remove(ContextKey);
            else
                RequestContext.Set(ContextKey, previous);
        }
    }
}
