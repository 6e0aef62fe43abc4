using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Grid.Abstractions.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Silo.Api;

/// <summary>
/// Reads the body of <c>POST /api/articles/batch</c>: a JSON array, or NDJSON (one JSON value per
/// line). Each item is an object like the body of <c>POST /api/articles</c>, or just the text as a
/// string. The batch as a whole is refused only when it cannot be read at all or breaks a cap; an
/// item that cannot be read becomes a problem at its place, and the others go ahead.
/// </summary>
public static class BatchReader
{
    public static async Task<(ImmutableArray<BatchItem> Items, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, ApiOptions options, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var ndjson = mediaType is "application/x-ndjson" or "application/ndjson" or "application/jsonl";
        if (!ndjson && mediaType is not "application/json")
            return ([], Problems.UnsupportedMediaType(mediaType ?? "(none)", "a JSON array (application/json) or NDJSON (application/x-ndjson)"));

        var body = await SubmissionReader.ReadCappedAsync(request.Body, options.MaxBatchBytes, cancellationToken);
        if (body is null)
            return ([], Problems.TooLarge($"The batch is larger than {options.MaxBatchBytes:N0} bytes (Grid:Api:MaxBatchBytes). Send it in smaller batches.", "The batch is too large"));
        string text;
        try
        {
            text = SubmissionReader.StrictUtf8.GetString(body).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], Problems.BadRequest("The body is not UTF-8 text. Send the batch as UTF-8 JSON.", "not-text"));
        }

        var (items, problem) = ndjson ? ReadLines(text, options.MaxBatchItems) : ReadArray(text, options.MaxBatchItems);
        if (problem is null && items.IsEmpty)
            problem = Problems.BadRequest("The batch is empty: send at least one article.", "empty");
        return (items, problem);
    }

    private static (ImmutableArray<BatchItem>, ProblemHttpResult?) ReadArray(string json, int maxItems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            return ([], Problems.BadRequest($"The JSON body could not be read: {error.Message} Send a JSON array of {{ \"text\": ... }} objects, or NDJSON with one per line.", "bad-json"));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return ([], Problems.BadRequest($"The body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}; a batch is a JSON array of {{ \"text\": ... }} objects.", "bad-json"));
            var count = document.RootElement.GetArrayLength();
            if (count > maxItems)
                return ([], TooManyItems(count, maxItems));
            return ([.. document.RootElement.EnumerateArray().Select(Item)], null);
        }
    }

    private static (ImmutableArray<BatchItem>, ProblemHttpResult?) ReadLines(string ndjson, int maxItems)
    {
        var lines = ndjson.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        if (lines.Count > maxItems)
            return ([], TooManyItems(lines.Count, maxItems));
        return ([.. lines.Select(ParseLine)], null);
    }

    private static BatchItem ParseLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return Item(document.RootElement);
        }
        catch (JsonException error)
        {
            return Refused($"This line is not JSON: {error.Message}");
        }
    }

    private static BatchItem Item(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new(new ArticleSubmission(element.GetString()!), null);
            case JsonValueKind.Object:
                try
                {
                    var body = element.Deserialize<SubmitArticleRequest>(JsonSerializerOptions.Web)!;
                    var (submission, problem) = body.ToSubmission();
                    return problem is null ? new(submission, null) : Refused(problem);
                }
                catch (JsonException error)
                {
                    return Refused($"This item could not be read: {error.Message}");
                }
            default:
                return Refused($"This item is a JSON {element.ValueKind.ToString().ToLowerInvariant()}; send an object {{ \"text\": ... }} or the text as a string.");
        }
    }

    private static BatchItem Refused(string detail) => new(null, Problems.BadRequest(detail, "bad-json").ProblemDetails);

    private static ProblemHttpResult TooManyItems(int count, int maxItems) =>
        Problems.TooLarge($"The batch holds {count} articles; the limit is {maxItems} (Grid:Api:MaxBatchItems). Send it in smaller batches.", "The batch is too large");
}
