using System.Text;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Silo.Api;

/// <summary>
/// Reads a submission from a request body, JSON, plain text or a web page (text/html), without trusting
/// it: the size is capped while reading, and bytes that are not UTF-8 are refused rather than replaced
/// (a page is decoded by its charset, as a browser would).
/// </summary>
public static class SubmissionReader
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>JSON may escape every Arabic letter as \uXXXX: six bytes for the two of UTF-8.</summary>
    private const int JsonExpansion = 4;

    /// <param name="maxPageBytes">The cap of a text/html body (Grid:Pages:MaxBytes): a page is bigger than its text.</param>
    public static async Task<(ArticleSubmission? Submission, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, int maxTextBytes, int maxPageBytes, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var isJson = mediaType is "application/json" || mediaType?.EndsWith("+json") == true;
        if (mediaType is "text/html" or "application/xhtml+xml")
            return await ReadPageAsync(request, maxPageBytes, cancellationToken);
        if (!isJson && mediaType is not ("text/plain" or "text/markdown" or null))
            return (null, Problems.UnsupportedMediaType(mediaType!, "application/json { \"text\" | \"url\" | \"html\": ... }, text/plain or text/html"));

        var limit = isJson ? maxTextBytes * JsonExpansion + 16 * 1024 : maxTextBytes;
        var body = await ReadCappedAsync(request.Body, limit, cancellationToken);
        if (body is null)
            return (null, Problems.TooLarge($"The request body is larger than {limit:N0} bytes; the article limit is {maxTextBytes:N0} bytes of text (Grid:Articles:MaxTextBytes)."));

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.BadRequest("The body is not UTF-8 text. Send the article as UTF-8 (JSON or text/plain).", "not-text"));
        }
        return isJson ? ParseJson(text) : (new ArticleSubmission(text.TrimStart('\uFEFF')), null);
    }

    /// <summary>A saved page: its article is extracted by the intake, as for <c>{ "html" }</c>.</summary>
    private static async Task<(ArticleSubmission?, ProblemHttpResult?)> ReadPageAsync(HttpRequest request, int maxPageBytes, CancellationToken cancellationToken)
    {
        var body = await ReadCappedAsync(request.Body, maxPageBytes, cancellationToken);
        if (body is null)
            return (null, Problems.TooLarge($"The page is larger than {maxPageBytes:N0} bytes (Grid:Pages:MaxBytes).", "The page is too large"));
        var charset = request.GetTypedHeaders().ContentType?.Charset.Value;
        return (new ArticleSubmission("", Html: PageDecoder.Decode(body, charset)), null);
    }

    private static (ArticleSubmission?, ProblemHttpResult?) ParseJson(string json)
    {
        try
        {
            var body = JsonSerializer.Deserialize<SubmitArticleRequest>(json, JsonSerializerOptions.Web);
            if (body is null)
                return (null, Problems.BadRequest("The JSON body is null: send { \"text\": \"...\" }.", "bad-json"));
            var (submission, problem) = body.ToSubmission();
            return problem is null ? (submission, null) : (null, Problems.BadRequest(problem, "bad-json"));
        }
        catch (JsonException error)
        {
            return (null, Problems.BadRequest($"The JSON body could not be read: {error.Message}", "bad-json"));
        }
    }

    /// <summary>The whole body, or null as soon as it grows past <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadCappedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
