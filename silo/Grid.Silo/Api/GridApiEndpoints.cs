namespace Grid.Silo.Api;

public static class GridApiEndpoints
{
    /// <summary>Every route of the HTTP API, and its reference: the articles and the OpenAPI document with its browsable view.</summary>
    public static IEndpointRouteBuilder MapGridApi(this IEndpointRouteBuilder app)
    {
        app.MapArticlesApi();
        app.MapGridApiReference();
        return app;
    }
}
