namespace Grid.Silo.Api.LibreTranslate;

/// <summary>The errors of the LibreTranslate endpoints, with LibreTranslate's statuses and shape (not problem+json, which its clients do not read).</summary>
public static class LibreTranslateErrors
{
    public static IResult BadRequest(string error) => Error(StatusCodes.Status400BadRequest, error);

    public static IResult Forbidden(string error) => Error(StatusCodes.Status403Forbidden, error);

    public static IResult TooManyRequests(string error) => Error(StatusCodes.Status429TooManyRequests, error);

    public static IResult TooLarge(string what, int maxChars) => Error(StatusCodes.Status413PayloadTooLarge,
        $"{what}; /translate takes up to {maxChars:N0} characters (Grid:Translate:MaxChars). Submit a longer text as an article: POST /api/articles {{ \"text\": ... }}, then GET /api/articles/{{id}} (or 'grid submit <file> --wait').");

    public static IResult Unavailable(string error) => Error(StatusCodes.Status503ServiceUnavailable, error);

    private static IResult Error(int status, string error) => TypedResults.Json(new LibreTranslateError(error), statusCode: status);
}
