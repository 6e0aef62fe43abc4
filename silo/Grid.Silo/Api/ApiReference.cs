using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Grid.Silo.Api;

/// <summary>The API described: the OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference (Scalar) at <c>/scalar</c>.</summary>
public static class ApiReference
{
    public static IServiceCollection AddGridApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Grid",
                Version = "v1",
                Description = "Arabic news articles in, bilingual reading out: each paragraph beside its English, and a summary in both languages. "
                    + "Errors are application/problem+json with a detail that says what to do.",
            };
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapGridApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(scalar => scalar.WithTitle("Grid API"));
        return app;
    }
}
