using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Abstractions.Articles;

namespace Grid.Client.Http;

/// <summary>Turns the API's <c>application/problem+json</c> answers into the exceptions and rejections the Orleans client gives.</summary>
internal static class HttpProblems
{
    private static readonly Dictionary<string, RejectionKind> Kinds = new()
    {
        ["empty"] = RejectionKind.Empty,
        ["too-large"] = RejectionKind.TooLarge,
        ["not-text"] = RejectionKind.NotText,
        ["no-arabic"] = RejectionKind.NoArabic,
        ["no-body"] = RejectionKind.NoBody,
        ["too-many-chunks"] = RejectionKind.TooManyChunks,
        ["invalid-id"] = RejectionKind.InvalidId,
        ["invalid-glossary"] = RejectionKind.InvalidGlossary,
        ["other-language"] = RejectionKind.OtherLanguage,
        ["invalid-url"] = RejectionKind.InvalidUrl,
        ["no-article"] = RejectionKind.NoArticle,
    };

    /// <summary>The rejection a refused submission carries (400, 413, 415, 422), or null for any other answer.</summary>
    public static async Task<SubmitRejection?> RejectionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity))
            return null;
        var problem = await ReadAsync(response, cancellationToken);
        var kind = Kinds.TryGetValue(problem.Kind, out var known) ? known : response.StatusCode switch
        {
            HttpStatusCode.RequestEntityTooLarge => RejectionKind.TooLarge,
            HttpStatusCode.UnprocessableEntity => RejectionKind.NoArabic,
            _ => RejectionKind.NotText,
        };
        return new SubmitRejection(kind, problem.Detail ?? problem.Title ?? $"The article was refused ({(int)response.StatusCode}).");
    }

    /// <summary>Nothing for a success; otherwise the exception the Orleans client would throw for the same trouble.</summary>
    public static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, Uri? where, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var problem = await ReadAsync(response, cancellationToken);
        var detail = problem.Detail ?? problem.Title ?? response.ReasonPhrase ?? "no detail";
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new GridUnauthorizedException($"The Grid API at {where} refused the API key: {detail}"),
            HttpStatusCode.BadRequest when problem.Kind == "search-unavailable" => new NotSupportedException(detail),
            HttpStatusCode.BadRequest => new ArgumentException(detail),
            HttpStatusCode.NotFound => new KeyNotFoundException(detail),
            _ => new GridUnavailableException($"The Grid API at {where} answered {(int)response.StatusCode} {response.ReasonPhrase}: {detail}"),
        };
    }

    /// <summary>The problem's detail, or null when the answer has none.</summary>
    public static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await ReadAsync(response, cancellationToken)).Detail;

    private static async Task<ProblemDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemDocument>(GridJson.Options, cancellationToken) ?? new(null, null, null, null);
        }
        catch (JsonException)
        {
            return new(null, null, null, (int)response.StatusCode);
        }
    }
}
