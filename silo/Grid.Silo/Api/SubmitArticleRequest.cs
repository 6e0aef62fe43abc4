using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Silo.Api;

/// <summary>The JSON body of <c>POST /api/articles</c>.</summary>
/// <param name="Id">
/// An id of your own (1-64 letters, digits, '-' or '_'); without one the id is the text's content id. Content ids are
/// 16 hex digits, and an id of your own may not look like one, so nobody can claim the id another text will get.
/// </param>
/// <param name="Glossary">Renderings the caller wants: <c>[{ "source": "كيربي", "english": "Kirby", "kind": "person" }]</c>.</param>
/// <param name="Mode"><c>fast</c> (the default) or <c>reflect</c>.</param>
/// <param name="CallbackUrl">Where a signed webhook is POSTed when the article finishes.</param>
/// <param name="Url">Where the article is; with neither <c>text</c> nor <c>html</c>, Grid fetches it and extracts the article.</param>
/// <param name="Html">A saved web page instead of <c>text</c>: Grid extracts its article.</param>
/// <param name="Priority"><c>high</c>, <c>normal</c> (the default) or <c>low</c>: which waiting LLM work is served first.</param>
public sealed record SubmitArticleRequest(
    string? Text, string? Title = null, string? Url = null, string? Source = null, string? Id = null,
    IReadOnlyList<GlossaryEntryRequest>? Glossary = null, string? Mode = null, string? CallbackUrl = null, string? Html = null, string? Priority = null)
{
    /// <summary>The submission, or why the body cannot be one (the glossary and mode are checked here, the text by the article).</summary>
    public (ArticleSubmission? Submission, string? Problem) ToSubmission()
    {
        var mode = TranslationMode.Fast;
        if (Mode is not null && !(Enum.TryParse(Mode, ignoreCase: true, out mode) && Enum.IsDefined(mode) && !char.IsAsciiDigit(Mode.TrimStart('-').FirstOrDefault())))
            return (null, $"'mode' is '{Mode}': use fast or reflect.");
        if (PriorityName.Parse(Priority) is not { } priority)
            return (null, PriorityName.Problem(Priority!));
        if (!string.IsNullOrEmpty(Text) && Html is not null)
            return (null, "Both 'text' and 'html' are given: send the article's text, or the page's HTML for Grid to extract it from, not both.");
        if (Glossary?.Any(entry => entry is null) == true)
            return (null, "'glossary' holds a null entry: give objects { \"source\", \"english\", \"kind\"? }.");
        var glossary = Glossary?.Select(entry => new GlossaryEntry(entry.Source ?? "", entry.English ?? "", entry.Kind ?? GlossaryEntry.TermKind)).ToList() ?? [];
        return (new ArticleSubmission(Text ?? "", Title, Url, Source, Id, [.. glossary], mode, CallbackUrl, Html, priority), null);
    }
}
