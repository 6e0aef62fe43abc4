using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grid.Silo.Api.LibreTranslate;
using Grid.Silo.Api.Security;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP API's services: <c>Grid:Api</c> options (validated at start), API keys and rate limits, JSON in camelCase with
    /// statuses as lower-case words and Arabic left readable, and problem details for every error.
    /// </summary>
    public static WebApplicationBuilder AddGridApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton<ApiMetrics>();
        builder.AddGridApiSecurity();
        services.AddGridLibreTranslate(builder.Configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        services.AddGridApiReference();
        services.AddGridHealthChecks();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        return builder;
    }
}
