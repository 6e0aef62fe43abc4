using Microsoft.OpenApi;

namespace Grid.Silo.Api;

/// <summary>
/// Describes a request body that a handler reads itself. <c>Accepts&lt;T&gt;</c> would say the same,
/// but it also makes routing refuse other content types with a bare 415, before the handler can
/// answer with a problem that says what to send.
/// </summary>
public static class OpenApiBodies
{
    public static TBuilder DescribesBody<TBuilder>(this TBuilder endpoint, Type json, params string[] textTypes) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(json, null, cancellationToken);
            var content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } };
            foreach (var textType in textTypes)
                content[textType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        });
}
