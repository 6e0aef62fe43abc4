using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.Wire;

/// <summary>Sends JSON bodies and NDJSON lines with the content types Ollama uses.</summary>
internal static class OllamaResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string NdjsonContentType = "application/x-ndjson";

    /// <summary>Ollama's text for a full queue, two spaces included.</summary>
    public const string ServerBusy = "server busy, please try again.  maximum pending requests exceeded";

    public static Task ErrorAsync(HttpResponse response, int status, string message, CancellationToken cancellationToken) =>
        JsonAsync(response, status, OllamaJson.Error(message), cancellationToken);

    public static async Task JsonAsync(HttpResponse response, int status, byte[] json, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one NDJSON line and flushes it, so the client sees each chunk when it is made.</summary>
    public static async Task LineAsync(HttpResponse response, byte[] json, CancellationToken cancellationToken)
    {
        if (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = NdjsonContentType;
        }
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        await response.Body.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
