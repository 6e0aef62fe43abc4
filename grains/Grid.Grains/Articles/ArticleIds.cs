using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Articles;

/// <summary>
/// The id of a submission without one: the hash of its normalized text, so the same text is the same
/// article. A caller's glossary or the reflect mode make another translation of the text, so they are
/// hashed in too; the plain submission keeps the id of its text alone.
/// Content ids and callers' ids are separate namespaces: a caller's id may not look like a content id,
/// or anyone could plant a text under the id another text will hash to (the hash is public).
/// </summary>
public static class ArticleIds
{
    public static string For(ArticleSubmission submission)
    {
        var text = submission.Text ?? "";
        ImmutableArray<GlossaryEntry> glossary = submission.Glossary.IsDefault ? [] : submission.Glossary;
        if (glossary.IsEmpty && submission.Mode == TranslationMode.Fast)
            return ContentHash.Of(text);
        var settings = string.Join("\n", glossary.Select(entry => $"{entry.Source?.Trim()}\t{entry.English?.Trim()}\t{entry.Kind}").Order(StringComparer.Ordinal));
        return ContentHash.Of($"{text}\n\u0000mode={submission.Mode}\n{settings}");
    }

    /// <summary>Shaped like a content id: <see cref="ContentHash.IdLength"/> hex digits, in either case so that no look-alike is allowed either.</summary>
    public static bool IsContentShaped(string id) => id.Length == ContentHash.IdLength && id.All(char.IsAsciiHexDigit);

    /// <summary>Two submissions are the same article when they hash the same: the same normalized text, glossary and mode.</summary>
    public static bool SameContent(ArticleSubmission stored, ArticleSubmission submitted) => For(stored) == For(submitted);
}
