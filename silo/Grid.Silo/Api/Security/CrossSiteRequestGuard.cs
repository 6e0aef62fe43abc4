namespace Grid.Silo.Api.Security;

/// <summary>
/// Refuses writes that a browser makes for another site's page. A page anywhere can POST <c>text/plain</c>
/// to a Grid on the reader's own machine (no CORS preflight for that type), so a write counts only when the
/// browser says it comes from Grid's own pages (<c>Sec-Fetch-Site: same-origin</c>, or <c>none</c> for one the
/// user typed) or, from an older browser, when its <c>Origin</c> is this Grid. Callers that are not browsers
/// (the CLI, the .NET client, curl) send neither header and are not affected.
/// </summary>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || CrossSiteSource(context.Request) is not { } source)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused",
                Detail = $"This request was made by a browser for another site's page ({source}); Grid takes writes only from its own pages or from callers that are not browsers (the CLI, the .NET client, curl).",
                Type = "https://grid.local/problems/cross-site",
            },
        });
    }

    /// <summary>What shows the request comes from another site, or null when nothing does.</summary>
    private static string? CrossSiteSource(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
            return fetchSite is "same-origin" or "none" ? null : $"Sec-Fetch-Site: {fetchSite}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return null;
        return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase) ? null : $"Origin: {origin}";
    }
}
