using Grid.Silo.Api.LibreTranslate;
using Grid.Silo.Api.Security;

namespace Grid.Silo.Api;

public static class GridApiEndpoints
{
    /// <summary>Every route of the HTTP API, behind its keys and rate limits, and its reference (open, like <c>/health</c>): the articles and the OpenAPI document with its browsable view.</summary>
    public static IEndpointRouteBuilder MapGridApi(this IEndpointRouteBuilder app)
    {
        app.MapArticlesApi().RequireGridApiKey();
        app.MapFeedsApi().RequireGridApiKey();
        // LibreTranslate's clients send their key in the body: the endpoints check it, and their rate, themselves.
        app.MapLibreTranslateApi();
        app.MapGridApiReference();
        return app;
    }
}
