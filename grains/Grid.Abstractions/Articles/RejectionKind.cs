namespace Grid.Abstractions.Articles;

/// <summary>Why a submission was refused before any work started.</summary>
[GenerateSerializer, Alias("grid.rejection-kind")]
public enum RejectionKind
{
    /// <summary>The text is empty or only whitespace.</summary>
    Empty = 0,
    /// <summary>The text is larger than the configured cap.</summary>
    TooLarge = 1,
    /// <summary>The bytes are not readable text (binary, control characters, invalid UTF-8).</summary>
    NotText = 2,
    /// <summary>The text has no Arabic to translate.</summary>
    NoArabic = 3,
    /// <summary>Nothing in the text looks like article body.</summary>
    NoBody = 4,
    /// <summary>The article would need more chunks than the per-article cap.</summary>
    TooManyChunks = 5,
    /// <summary>The caller's id is not a valid article id.</summary>
    InvalidId = 6,
    /// <summary>The caller's glossary has an entry Grid cannot use (no Arabic source, no English, a duplicate...).</summary>
    InvalidGlossary = 7,
    /// <summary>The text is in another language of the Arabic script (Persian, Urdu), not Arabic.</summary>
    OtherLanguage = 8,
    /// <summary>The title, source or url is longer than Grid keeps.</summary>
    FieldTooLong = 9,
    /// <summary>The caller's id already names an article with another text.</summary>
    IdTaken = 10,
    /// <summary>The article could not be stored (storage is failing); nothing was kept and submitting again is safe.</summary>
    Unavailable = 11,
    /// <summary>The callback URL cannot be used: not http(s), an address Grid does not call for callers, or webhooks are off.</summary>
    InvalidCallback = 12,
    /// <summary>The URL to fetch cannot be used: not http(s), or an address Grid does not fetch for callers.</summary>
    InvalidUrl = 13,
    /// <summary>The submitted web page holds no article Grid could find.</summary>
    NoArticle = 14,
}
