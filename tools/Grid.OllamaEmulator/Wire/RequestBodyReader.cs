using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.Wire;

/// <summary>Reads a request body as a JSON object, failing the way Ollama's Go binder does.</summary>
internal static class RequestBodyReader
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, string goTypeName, CancellationToken cancellationToken) =>
        (await ReadAsync(request, goTypeName, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>The body as a JSON object and the bytes it was parsed from.</summary>
    public static async Task<(JsonObject Body, byte[] Raw)> ReadAsync(HttpRequest request, string goTypeName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
            throw new BadRequestException("missing request body");

        var raw = buffer.ToArray();
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"invalid character in request body: {e.Message}");
        }

        return (node as JsonObject
            ?? throw new BadRequestException($"json: cannot unmarshal {DescribeKind(node)} into Go value of type {goTypeName}"), raw);
    }

    public static string DescribeKind(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
