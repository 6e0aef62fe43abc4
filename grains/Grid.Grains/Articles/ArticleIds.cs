using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Articles;

/// <summary>
/// The id of a submission without one: the hash of its normalized text, so the same text is the same
/// article. A caller's glossary or the reflect mode make another translation of the text, so they are
/// hashed in too; the plain submission keeps the id of its text alone.
/// </summary>
public static class ArticleIds
{
    public static string For(ArticleSubmission submission)
    {
        var text = submission.Text ?? "";
        System.Collections.Immutable.ImmutableArray<GlossaryEntry> glossary = submission.Glossary.IsDefault ? [] : submission.Glossary;
        if (glossary.IsEmpty && submission.Mode == TranslationMode.Fast)
            return ContentHash.Of(text);
        var settings = string.Join("\n", glossary.Select(entry => $"{entry.Source?.Trim()}\t{entry.English?.Trim()}\t{entry.Kind}").Order(StringComparer.Ordinal));
        return ContentHash.Of($"{text}\n\u0000mode={submission.Mode}\n{settings}");
    }
}
