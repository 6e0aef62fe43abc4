using System.Web;
using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>A list query as the address of <c>GET /api/articles</c>, and the cursor back out of the <c>next</c> address it answers with.</summary>
internal static class ArticleListAddress
{
    public static string Of(ArticleListQuery query)
    {
        var parameters = new List<string> { $"pageSize={query.PageSize}" };
        if (query.Next is { } next)
            parameters.Add($"next={Uri.EscapeDataString(next)}");
        else
            parameters.Add($"page={query.Page}");
        parameters.AddRange(query.FilterParameters());
        return $"api/articles?{string.Join('&', parameters)}";
    }

    /// <summary>The <c>next</c> parameter of the next page's address; null on the last page.</summary>
    public static string? CursorIn(string? nextAddress)
    {
        if (nextAddress is null)
            return null;
        var query = nextAddress.IndexOf('?') is var start and >= 0 ? nextAddress[(start + 1)..] : "";
        return HttpUtility.ParseQueryString(query)["next"];
    }
}
