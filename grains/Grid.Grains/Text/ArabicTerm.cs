using System.Runtime.CompilerServices;

namespace Grid.Grains.Text;

/// <summary>
/// A glossary term and the rule for finding it in Arabic text. A term occurs where its words follow
/// each other in the text (folded by <see cref="ArabicWords"/>); the first of them may carry the
/// prefixes Arabic writes onto a word: the conjunctions و and ف, the prepositions ب, ك and ل, the
/// article ال, and their combinations (وال، بال، فب، ول ...). A term that begins with ال also matches
/// after ل, where Arabic drops the alef: للعراق is ل + العراق. Suffixes are not stripped: a name with a
/// possessive ending (كتابه) is another word. Inner words must match exactly.
/// </summary>
public sealed class ArabicTerm
{
    private static readonly string[] Prefixes =
        ["", "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "وب", "فب", "ول", "فل", "وك", "فك", "لل", "ولل", "فلل"];

    /// <summary>
    /// Terms by their source string (the same instance, as a glossary entry holds it): an article matches every entry of its
    /// glossary against each paragraph and unit again and again, and folding a term normalizes it. Weak, so a term lives as
    /// long as the entry that names it.
    /// </summary>
    private static readonly ConditionalWeakTable<string, ArabicTerm> Known = [];

    private readonly string[] _words;

    /// <summary>The term of <paramref name="source"/>, folded once per source string.</summary>
    public static ArabicTerm For(string source) => Known.GetValue(source, static text => new ArabicTerm(text));

    public ArabicTerm(string source)
    {
        _words = [.. ArabicWords.Of(source).Words];
        Source = source;
    }

    public string Source { get; }

    /// <summary>False for a term with no letters, which occurs nowhere.</summary>
    public bool IsValid => _words.Length > 0;

    public bool OccursIn(string text) => OccursIn(ArabicWords.Of(text));

    public bool OccursIn(ArabicWords text)
    {
        if (!IsValid)
            return false;
        var words = text.Words;
        for (var start = 0; start + _words.Length <= words.Count; start++)
        {
            if (FirstWordMatches(words[start]) && RestMatches(words, start))
                return true;
        }
        return false;
    }

    private bool FirstWordMatches(string word)
    {
        var first = _words[0];
        // Every prefix leaves the term at the word's end: that is looked at once, and the prefixes only for a word that ends so.
        if (word.EndsWith(first, StringComparison.Ordinal) && IsPrefix(word.AsSpan(0, word.Length - first.Length)))
            return true;
        // ل + ال → لل: للعراق, وللعراق. Compared in place: this runs for every word of a text against every term.
        if (!first.StartsWith("ال", StringComparison.Ordinal) || first.Length <= 2)
            return false;
        var rest = first.AsSpan(1);
        var head = word.Length - rest.Length;
        return word.AsSpan().EndsWith(rest, StringComparison.Ordinal)
            && ((head == 1 && word[0] == 'ل') || (head == 2 && word[1] == 'ل' && word[0] is 'و' or 'ف'));
    }

    private static bool IsPrefix(ReadOnlySpan<char> head)
    {
        foreach (var prefix in Prefixes)
        {
            if (head.SequenceEqual(prefix))
                return true;
        }
        return false;
    }

    private bool RestMatches(IReadOnlyList<string> words, int start)
    {
        for (var i = 1; i < _words.Length; i++)
        {
            if (words[start + i] != _words[i])
                return false;
        }
        return true;
    }
}
