using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grid.Silo.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>JSON in camelCase with statuses as lower-case words and Arabic left readable, and problem details for every error.</summary>
    public static IServiceCollection AddGridApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        return services;
    }
}
