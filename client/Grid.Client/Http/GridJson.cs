using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grid.Client.Http;

/// <summary>JSON as the Grid API writes it: camelCase, statuses and modes as lower-case words.</summary>
internal static class GridJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
