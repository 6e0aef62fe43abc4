using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Grid.Grains.Text;

/// <summary>
/// Puts scraped text into one canonical shape: NFC, LF line ends, no invisible control characters,
/// single spaces, trimmed lines and at most one blank line between blocks.
/// </summary>
public static partial class TextNormalizer
{
    private const char Tatweel = '\u0640';

    /// <summary>
    /// The displayed form of <paramref name="text"/>. Arabic letters, diacritics and tatweel are kept:
    /// this is the text people read and the LLM translates.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most text normalized here is normalized already (paragraphs and chunks hashed into cache keys): given back, not copied.
        return IsNormal(text) ? text : Rebuild(text);
    }

    /// <summary><see cref="Normalize"/> the long way, whatever the text: the reference the shortcut is tested against.</summary>
    internal static string Rebuild(string text)
    {
        // Invisible characters go before composing, so a stray zero-width space cannot keep a letter and its mark apart.
        var source = WithoutUnpairedSurrogates(text);
        var builder = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < source.Length && source[i + 1] == '\n')
                    {
                        i++;
                    }
                    break;
                case '\u2028':
                    builder.Append('\n');
                    break;
                case '\u2029':
                    builder.Append("\n\n");
                    break;
                case '\n' or '\t':
                    builder.Append(c);
                    break;
                default:
                    if (IsInvisibleControl(c))
                    {
                        break;
                    }
                    // NBSP, thin spaces and the like come from HTML entities; they are plain spaces to a reader.
                    builder.Append(char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator ? ' ' : c);
                    break;
            }
        }

        var composed = builder.ToString().Normalize(NormalizationForm.FormC);
        var spaced = HorizontalWhitespace().Replace(composed, " ");
        var trimmedLines = string.Join('\n', spaced.Split('\n').Select(line => line.Trim()));
        return ThreeOrMoreNewlines().Replace(trimmedLines, "\n\n").Trim();
    }

    /// <summary>
    /// The form used for content hashes: <see cref="Normalize"/>, then without tatweel, Arabic diacritics,
    /// blank lines and Latin case, so copies of one article that differ only in those hash the same.
    /// </summary>
    public static string ForHashing(string text)
    {
        var normalized = Normalize(text);
        if (!normalized.AsSpan().ContainsAny(ChangedForHashing) && !normalized.Contains("\n\n", StringComparison.Ordinal))
            return normalized;
        // One pass into a pooled buffer: hashing runs on every paragraph, chunk and submission, so no builder, no regex.
        var buffer = ArrayPool<char>.Shared.Rent(normalized.Length);
        try
        {
            var length = 0;
            foreach (var c in normalized)
            {
                if (c == Tatweel || IsArabicDiacritic(c))
                    continue;
                // The parser works line by line, so blank lines carry no meaning that a hash should see.
                if (c == '\n' && length > 0 && buffer[length - 1] == '\n')
                    continue;
                buffer[length++] = LowerInvariant(c);
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant(char)"/>, without asking ICU for ASCII and for the Arabic block (which has no case):
    /// most of what is hashed is Arabic, and ICU is called a character at a time.
    /// </summary>
    private static char LowerInvariant(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        < '\u0080' or (>= '\u0600' and <= '\u06FF') => c,
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// Whether <see cref="Rebuild"/> would give the text back unchanged, read without copying it: no character it drops
    /// or replaces, no space at either end of a line or next to another, no three line breaks in a row, no line break at
    /// either end, and already composed (NFC). Surrogates send the text the long way.
    /// </summary>
    internal static bool IsNormal(string text)
    {
        if (text.Length == 0)
            return true;
        var span = text.AsSpan();
        return !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && !span.ContainsAny(ChangedByNormalizing)
            && !span.Contains("  ", StringComparison.Ordinal) && !span.Contains(" \n", StringComparison.Ordinal)
            && !span.Contains("\n ", StringComparison.Ordinal) && !span.Contains("\n\n\n", StringComparison.Ordinal)
            && (IsComposedForSure(span) || text.IsNormalized(NormalizationForm.FormC));
    }

    /// <summary>
    /// Composed without asking ICU: every character one that composes with nothing (Latin, Arabic letters, punctuation),
    /// or an Arabic vowel mark with no mark after it (those compose with no letter, and two in a row may need reordering).
    /// </summary>
    private static bool IsComposedForSure(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyExcept(ComposedAlone))
            return false;
        var rest = text;
        while (rest.IndexOfAny(ArabicVowelMarks) is var at and >= 0)
        {
            if (at + 1 < rest.Length && ArabicVowelMarks.Contains(rest[at + 1]))
                return false;
            rest = rest[(at + 1)..];
        }
        return true;
    }

    /// <summary>What <see cref="Rebuild"/> drops or replaces wherever it stands: controls but the line feed, other whitespace than the space, invisible characters, surrogates.</summary>
    private static readonly SearchValues<char> ChangedByNormalizing = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => c is not ('\n' or ' ') && (c < ' ' || char.IsSurrogate(c) || IsInvisibleControl(c) || char.IsWhiteSpace(c)))]);

    private static readonly SearchValues<char> ArabicVowelMarks = SearchValues.Create(
        [.. Enumerable.Range('\u064B', '\u0652' - '\u064B' + 1).Select(c => (char)c), '\u0670']);

    /// <summary>
    /// Characters of Latin, Arabic and punctuation that are composed alone and start no composition with what follows:
    /// no combining mark (the Arabic vowel marks are looked at apart), no Hangul jamo, none that NFC replaces.
    /// </summary>
    private static readonly SearchValues<char> ComposedAlone = SearchValues.Create(
        [.. Enumerable.Range(0, 0x300).Concat(Enumerable.Range(0x600, 0x100)).Concat(Enumerable.Range(0x2010, 0x50)).Select(c => (char)c)
            .Where(c => char.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                && c.ToString().IsNormalized(NormalizationForm.FormC))
            .Concat([.. Enumerable.Range('\u064B', '\u0652' - '\u064B' + 1).Select(c => (char)c), '\u0670'])]);

    /// <summary>What <see cref="ForHashing"/> takes out of or changes in normalized text: tatweel, Arabic diacritics, Latin capitals.</summary>
    private static readonly SearchValues<char> ChangedForHashing = SearchValues.Create(
        [Tatweel, .. Enumerable.Range('\u064B', '\u0652' - '\u064B' + 1).Select(c => (char)c), '\u0670', .. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.ToLowerInvariant(c) != c)]);

    // string.Normalize throws on a lone surrogate, which broken scrapers do produce; it carries no text.
    private static string WithoutUnpairedSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }

    private static bool IsArabicDiacritic(char c) => c is (>= '\u064B' and <= '\u0652') or '\u0670';

    // Zero-width and bidi controls change nothing a reader sees but break equality and hashing;
    // other C0/C1 controls are leftovers of broken encodings, never text.
    private static bool IsInvisibleControl(char c) =>
        c is (>= '\u200B' and <= '\u200F')
            or (>= '\u202A' and <= '\u202E')
            or (>= '\u2060' and <= '\u2064')
            or (>= '\u2066' and <= '\u2069')
            or '\uFEFF'
            or '\u061C'
            or '\u00AD'
        || (char.IsControl(c) && c is not ('\n' or '\t'));

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex HorizontalWhitespace();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ThreeOrMoreNewlines();
}
