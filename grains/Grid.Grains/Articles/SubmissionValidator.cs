using System.Text;
using Grid.Abstractions.Articles;
using Grid.Grains.Text;

namespace Grid.Grains.Articles;

/// <summary>Decides whether submitted text is something Grid can translate, before anything is stored.</summary>
public static class SubmissionValidator
{
    /// <summary>Above this share of control characters the "text" is binary data.</summary>
    private const double MaxControlCharacterRatio = 0.01;

    /// <summary>Longest title kept: every catalog entry carries it, so it is capped like a headline, not like a body.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>Longest source (a publication or agency name).</summary>
    public const int MaxSourceLength = 200;

    /// <summary>Longest url: what browsers and servers commonly accept.</summary>
    public const int MaxUrlLength = 2048;

    public static SubmitRejection? Check(ArticleSubmission submission, ArticleOptions options)
    {
        var text = submission.Text ?? "";
        if (string.IsNullOrWhiteSpace(text))
            return new(RejectionKind.Empty, "The article text is empty. Send the article's text in 'text' (JSON) or as the request body (text/plain).");

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > options.MaxTextBytes)
            return new(RejectionKind.TooLarge, $"The article is {bytes:N0} bytes; the limit is {options.MaxTextBytes:N0} (Grid:Articles:MaxTextBytes). Split it or raise the limit.");

        if (LooksBinary(text))
            return new(RejectionKind.NotText, "The body is not readable text: it holds binary data or control characters. Send UTF-8 text.");

        if (!ArabicScript.ContainsArabic(text))
            return new(RejectionKind.NoArabic, "The text has no Arabic in it. Grid translates Arabic articles into English; there is nothing here to translate.");

        if (LanguageDetector.Detect(text) is { Language: LanguageDetector.Persian or LanguageDetector.Urdu } other)
            return new(RejectionKind.OtherLanguage, $"The text looks {(other.Language == LanguageDetector.Persian ? "Persian" : "Urdu")}, not Arabic: {other.Reason}. Grid translates Arabic articles into English.");

        return CheckFields(submission) ?? CheckCallerId(submission.Id);
    }

    /// <summary>A caller's id: usable as a key (<see cref="CheckId"/>) and outside the namespace of content ids (<see cref="ArticleIds"/>).</summary>
    public static SubmitRejection? CheckCallerId(string? id) =>
        CheckId(id) ?? (id is not null && ArticleIds.IsContentShaped(id)
            ? new(RejectionKind.InvalidId, $"The id '{id}' looks like a content id ({Text.ContentHash.IdLength} hex digits), which only Grid gives, from an article's text. Choose an id of another shape (e.g. with a letter past 'f', a '-' or another length), or leave it out to get the content id.")
            : null);

    private static SubmitRejection? CheckFields(ArticleSubmission submission) =>
        TooLong("title", submission.Title, MaxTitleLength) ?? TooLong("source", submission.Source, MaxSourceLength) ?? TooLong("url", submission.Url, MaxUrlLength);

    private static SubmitRejection? TooLong(string field, string? value, int max) =>
        value is not null && value.Length > max
            ? new(RejectionKind.FieldTooLong, $"'{field}' is {value.Length:N0} characters; the limit is {max:N0}. Shorten it (the article text goes in 'text').")
            : null;

    /// <summary>A caller's id becomes a grain key and a URL segment: keep it short and plain.</summary>
    public static SubmitRejection? CheckId(string? id) =>
        id is null || (id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            ? null
            : new(RejectionKind.InvalidId, $"The id '{id}' is not usable: use 1-64 letters, digits, '-' or '_'.");

    private static bool LooksBinary(string text)
    {
        var control = text.Count(c => (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || c == '\uFFFD');
        return control > 0 && (double)control / text.Length > MaxControlCharacterRatio || text.Contains('\0');
    }
}
