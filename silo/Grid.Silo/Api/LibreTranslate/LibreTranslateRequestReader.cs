using System.Text.Json;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>Reads a LibreTranslate request from JSON or form data (urlencoded or multipart), as LibreTranslate accepts both.</summary>
public static class LibreTranslateRequestReader
{
    /// <summary>The request, or the error to answer with (400 for a body that cannot be read, 413 for one far too large).</summary>
    public static async Task<(LibreTranslateRequest? Request, IResult? Error)> ReadAsync(HttpRequest request, int maxChars, CancellationToken cancellationToken)
    {
        // JSON may escape every letter as \uXXXX; anything beyond that is not a text within the limit.
        var maxBytes = maxChars * 6 + 64 * 1024;
        if (request.ContentLength > maxBytes)
            return (null, LibreTranslateErrors.TooLarge($"The request body is {request.ContentLength:N0} bytes", maxChars));
        if (request.HasJsonContentType())
            return await ReadJsonAsync(request, maxBytes, maxChars, cancellationToken);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var q = form["q"];
            return (new LibreTranslateRequest(q.Count == 0 ? null : [.. q.Select(text => text ?? "")], q.Count > 1,
                form["source"].FirstOrDefault(), form["target"].FirstOrDefault(), form["format"].FirstOrDefault(),
                form["api_key"].FirstOrDefault() ?? form["apiKey"].FirstOrDefault()), null);
        }
        return (null, LibreTranslateErrors.BadRequest($"Invalid request: send JSON or form data, not '{request.ContentType ?? "no content type"}'"));
    }

    private static async Task<(LibreTranslateRequest?, IResult?)> ReadJsonAsync(HttpRequest request, int maxBytes, int maxChars, CancellationToken cancellationToken)
    {
        var body = await SubmissionReader.ReadCappedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
            return (null, LibreTranslateErrors.TooLarge($"The request body is over {maxBytes:N0} bytes", maxChars));
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return (null, LibreTranslateErrors.BadRequest("Invalid request: the JSON body must be an object"));
            var root = json.RootElement;
            IReadOnlyList<string>? q = null;
            var isList = false;
            if (root.TryGetProperty("q", out var value))
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        q = [value.GetString()!];
                        break;
                    case JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String):
                        (q, isList) = ([.. value.EnumerateArray().Select(item => item.GetString()!)], true);
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        return (null, LibreTranslateErrors.BadRequest("Invalid request: q must be a string or a list of strings"));
                }
            }
            return (new LibreTranslateRequest(q, isList, Text(root, "source"), Text(root, "target"), Text(root, "format"), Text(root, "api_key") ?? Text(root, "apiKey")), null);
        }
        catch (JsonException error)
        {
            return (null, LibreTranslateErrors.BadRequest($"Invalid request: the JSON body could not be read ({error.Message})"));
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
