using System.Globalization;

namespace Grid.Silo.Api.Security;

/// <summary>429 with <c>Retry-After</c> and a problem that says when to come back.</summary>
public static class TooManyRequests
{
    public static async Task WriteAsync(HttpContext context, int seconds, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = detail,
                Type = "https://grid.local/problems/too-many-requests",
            },
        });
    }
}
