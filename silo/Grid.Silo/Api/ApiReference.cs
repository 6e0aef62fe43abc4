using Grid.Silo.Api.Security;
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
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "Needed on every /api call when the silo has keys (Grid:Api:Keys).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapGridApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(scalar => scalar.WithTitle("Grid API"));
        return app;
    }
}
