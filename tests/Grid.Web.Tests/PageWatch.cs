using Microsoft.Playwright;

namespace Grid.Web.Tests;

/// <summary>Everything a page asked the network for, and every error it logged, from the moment it is watched.</summary>
internal sealed class PageWatch
{
    private readonly List<string> _requests = [];
    private readonly List<string> _errors = [];

    public PageWatch(IPage page)
    {
        page.Request += (_, request) => { lock (_requests) _requests.Add(request.Url); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (_errors) _errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => { lock (_errors) _errors.Add($"uncaught: {error}"); };
    }

    public IReadOnlyList<string> Requests { get { lock (_requests) return [.. _requests]; } }

    public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }
}
