using Grid.Grains.Text;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// <c>/translate</c>, <c>/languages</c>, <c>/detect</c> as LibreTranslate answers them, so that its
/// clients (CMS plugins, browser extensions, subtitle tools) work unchanged. Under them are the
/// articles' chunk grains, cache and LLM slots (<see cref="PassageTranslator"/>).
/// </summary>
public static class LibreTranslateApi
{
    private static readonly LanguageResponse[] Languages =
    [
        new(LanguageDetector.Arabic, "Arabic", [LanguageDetector.English]),
        new(LanguageDetector.English, "English", []),
    ];

    public static RouteGroupBuilder MapLibreTranslateApi(this IEndpointRouteBuilder app)
    {
        // The key comes in the body, where authentication cannot see it: LibreTranslateAccess checks it, so no policy may ask first.
        var api = app.MapGroup("").WithTags("LibreTranslate").AllowAnonymous();
        api.MapPost("/translate", TranslateAsync).WithName("Translate")
            .WithSummary("Translate Arabic text (LibreTranslate-compatible)")
            .WithDescription("JSON or form data: q (a string or a list), source (ar or auto), target (en), format (text or html), api_key. "
                + "Answers { translatedText } (a list for a list, with detectedLanguage for auto), or { error } with 400, 403, 413, 429 or 503.");
        api.MapGet("/languages", () => TypedResults.Ok(Languages)).WithName("Languages")
            .WithSummary("The languages /translate takes and gives (LibreTranslate-compatible)");
        api.MapPost("/detect", DetectAsync).WithName("Detect")
            .WithSummary("Detect the language of a text (LibreTranslate-compatible)")
            .WithDescription("Tells Arabic from Persian, Urdu and English: [{ confidence, language }].");
        return api;
    }

    private static async Task<IResult> TranslateAsync(
        HttpContext context, PassageTranslator translator, LibreTranslateAccess access, IOptions<TranslateOptions> options, CancellationToken cancellationToken)
    {
        var maxChars = options.Value.MaxChars;
        var (request, unreadable) = await LibreTranslateRequestReader.ReadAsync(context.Request, maxChars, cancellationToken);
        if (unreadable is not null)
            return unreadable;
        if (await access.CheckAsync(context, request!.ApiKey) is { } refused)
            return refused;
        if (Problem(request) is { } problem)
            return problem;
        var chars = request.Q!.Sum(text => text.Length);
        if (chars > maxChars)
            return LibreTranslateErrors.TooLarge($"The text is {chars:N0} characters", maxChars);
        var guesses = request.Q!.Select(LanguageDetector.Detect).ToList();
        if (guesses.FirstOrDefault(guess => guess.Language is LanguageDetector.Persian or LanguageDetector.Urdu) is { } other)
            return LibreTranslateErrors.BadRequest($"{other.Language} is not supported: Grid translates Arabic, and the text looks {Name(other.Language)} ({other.Reason})");

        var html = request.Format == "html" ? request.Q!.Select(text => new HtmlRuns(text)).ToList() : null;
        var texts = html is null ? request.Q! : [.. html.SelectMany(runs => runs.Texts)];
        var english = await translator.TranslateAsync(texts, cancellationToken);
        if (english is null)
        {
            context.Response.Headers.RetryAfter = "10";
            return LibreTranslateErrors.Unavailable($"The translation is not done yet after {options.Value.Timeout.TotalSeconds:0} s (Grid:Translate:Timeout); it goes on, and the same request later is answered from the cache.");
        }
        var answers = html is null ? english : Reassemble(html, english);
        object? detected = request.Source != "auto" ? null
            : request.IsList ? guesses.Select(Detected).ToList() : Detected(guesses[0]);
        return TypedResults.Ok(new TranslateResponse(request.IsList ? answers : answers[0], detected));
    }

    private static async Task<IResult> DetectAsync(
        HttpContext context, LibreTranslateAccess access, IOptions<TranslateOptions> options, CancellationToken cancellationToken)
    {
        var (request, unreadable) = await LibreTranslateRequestReader.ReadAsync(context.Request, options.Value.MaxChars, cancellationToken);
        if (unreadable is not null)
            return unreadable;
        if (await access.CheckAsync(context, request!.ApiKey) is { } refused)
            return refused;
        if (request.Q is null)
            return LibreTranslateErrors.BadRequest("Invalid request: missing q parameter");
        var guesses = request.Q.Select(text => new[] { Detected(LanguageDetector.Detect(text)) }).ToList();
        return request.IsList ? TypedResults.Ok(guesses) : TypedResults.Ok(guesses[0]);
    }

    /// <summary>LibreTranslate's own wording for a request it cannot serve, with what Grid takes instead.</summary>
    private static IResult? Problem(LibreTranslateRequest request) =>
        request.Q is null ? LibreTranslateErrors.BadRequest("Invalid request: missing q parameter")
        : string.IsNullOrEmpty(request.Source) ? LibreTranslateErrors.BadRequest("Invalid request: missing source parameter")
        : string.IsNullOrEmpty(request.Target) ? LibreTranslateErrors.BadRequest("Invalid request: missing target parameter")
        : request.Source is not (LanguageDetector.Arabic or "auto") ? LibreTranslateErrors.BadRequest($"{request.Source} is not supported: Grid translates Arabic (source ar or auto)")
        : request.Target != LanguageDetector.English ? LibreTranslateErrors.BadRequest($"{request.Target} is not supported: Grid translates into English (target en)")
        : request.Format is not (null or "text" or "html") ? LibreTranslateErrors.BadRequest($"{request.Format} format is not supported: use text or html")
        : null;

    private static string[] Reassemble(IReadOnlyList<HtmlRuns> html, string[] english)
    {
        var answers = new string[html.Count];
        var next = 0;
        for (var i = 0; i < html.Count; i++)
        {
            var count = html[i].Texts.Count;
            answers[i] = html[i].With(english[next..(next + count)]);
            next += count;
        }
        return answers;
    }

    private static DetectedLanguage Detected(LanguageGuess guess) => new(guess.Confidence, guess.Language);

    private static string Name(string language) => language == LanguageDetector.Persian ? "Persian" : "Urdu";
}
