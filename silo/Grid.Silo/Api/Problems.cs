using Grid.Abstractions.Articles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Silo.Api;

/// <summary>Every error the API gives is <c>application/problem+json</c> with a detail a person can act on.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail, string kind) => Problem(StatusCodes.Status400BadRequest, "The request is not valid", detail, kind);

    public static ProblemHttpResult TooLarge(string detail, string title = "The article is too large") => Problem(StatusCodes.Status413PayloadTooLarge, title, detail, "too-large");

    /// <summary>Seconds a caller told 503 should wait: storage that failed a few retries is rarely back within a second or two.</summary>
    public const int RetryAfterSeconds = 5;

    public static ProblemHttpResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Try again", detail, "unavailable");

    public static ProblemHttpResult UnsupportedMediaType(string mediaType, string accepted = "application/json { \"text\": ... } or text/plain") =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", $"'{mediaType}' is not accepted: send {accepted}.", "unsupported-media-type");

    public static ProblemHttpResult NotFound(string id, string? hint = null) =>
        Problem(StatusCodes.Status404NotFound, "No such article", hint is null ? $"No article has the id '{id}'." : $"No article has the id '{id}'. {hint}", "not-found");

    public static ProblemHttpResult NoSuchRevision(string id, int revision, int latest) =>
        Problem(StatusCodes.Status404NotFound, "No such revision", $"Article '{id}' has no revision {revision}: its revisions are numbered 1 to {latest}.", "no-such-revision");

    public static ProblemHttpResult Gone(string detail) => Problem(StatusCodes.Status410Gone, "The revision was dropped", detail, "revision-dropped");

    public static ProblemHttpResult NotReady(string detail) => Problem(StatusCodes.Status409Conflict, "Not available yet", detail, "not-ready");

    public static ProblemHttpResult Rejected(SubmitRejection rejection) => rejection.Kind switch
    {
        RejectionKind.TooLarge or RejectionKind.TooManyChunks => Problem(StatusCodes.Status413PayloadTooLarge, "The article is too large", rejection.Detail, Kind(rejection)),
        RejectionKind.NoArabic or RejectionKind.NoBody => Problem(StatusCodes.Status422UnprocessableEntity, "Nothing to translate", rejection.Detail, Kind(rejection)),
        RejectionKind.OtherLanguage => Problem(StatusCodes.Status422UnprocessableEntity, "Not Arabic", rejection.Detail, Kind(rejection)),
        RejectionKind.IdTaken => Problem(StatusCodes.Status409Conflict, "The id is taken", rejection.Detail, Kind(rejection)),
        RejectionKind.Unavailable => Problem(StatusCodes.Status503ServiceUnavailable, "Try again", rejection.Detail, Kind(rejection)),
        RejectionKind.InvalidCallback => Problem(StatusCodes.Status422UnprocessableEntity, "The callback URL cannot be used", rejection.Detail, Kind(rejection)),
        RejectionKind.InvalidUrl => Problem(StatusCodes.Status422UnprocessableEntity, "The URL cannot be fetched", rejection.Detail, Kind(rejection)),
        RejectionKind.NoArticle => Problem(StatusCodes.Status422UnprocessableEntity, "Nothing to translate", rejection.Detail, Kind(rejection)),
        _ => Problem(StatusCodes.Status400BadRequest, "The article is not valid", rejection.Detail, Kind(rejection)),
    };

    private static string Kind(SubmitRejection rejection) => rejection.Kind switch
    {
        RejectionKind.Empty => "empty",
        RejectionKind.TooLarge => "too-large",
        RejectionKind.NotText => "not-text",
        RejectionKind.NoArabic => "no-arabic",
        RejectionKind.NoBody => "no-body",
        RejectionKind.TooManyChunks => "too-many-chunks",
        RejectionKind.InvalidId => "invalid-id",
        RejectionKind.InvalidGlossary => "invalid-glossary",
        RejectionKind.OtherLanguage => "other-language",
        RejectionKind.FieldTooLong => "field-too-long",
        RejectionKind.IdTaken => "id-taken",
        RejectionKind.Unavailable => "unavailable",
        RejectionKind.InvalidCallback => "invalid-callback",
        RejectionKind.InvalidUrl => "invalid-url",
        RejectionKind.NoArticle => "no-article",
        _ => "rejected",
    };

    private static ProblemHttpResult Problem(int status, string title, string detail, string kind) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://grid.local/problems/{kind}");
}
