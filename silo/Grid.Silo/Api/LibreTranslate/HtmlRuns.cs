using System.Net;
using System.Text.RegularExpressions;
using Grid.Grains.Text;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// <c>format: html</c>: the markup stays as it is and only the text between tags is translated, each
/// run of text with Arabic in it on its own (scripts and styles are left alone). Entities are decoded
/// for the translation and the English is encoded back.
/// </summary>
public sealed partial class HtmlRuns
{
    private readonly string[] _parts;
    private readonly List<int> _arabic = [];

    public HtmlRuns(string html)
    {
        _parts = Tag().Split(html);
        var skipping = false;
        for (var i = 0; i < _parts.Length; i++)
        {
            var part = _parts[i];
            if (part.StartsWith('<'))
            {
                skipping = RawTextOpening().IsMatch(part) || (skipping && !RawTextClosing().IsMatch(part));
                continue;
            }
            if (!skipping && ArabicScript.ContainsArabic(part))
                _arabic.Add(i);
        }
    }

    /// <summary>The texts to translate: the runs with Arabic, decoded and trimmed.</summary>
    public IReadOnlyList<string> Texts => [.. _arabic.Select(i => WebUtility.HtmlDecode(_parts[i]).Trim())];

    /// <summary>The HTML with each run replaced by its English (in <see cref="Texts"/>' order), the run's outer spaces kept.</summary>
    public string With(IReadOnlyList<string> english)
    {
        var parts = _parts.ToArray();
        for (var r = 0; r < _arabic.Count; r++)
        {
            var run = parts[_arabic[r]];
            var leading = run[..(run.Length - run.TrimStart().Length)];
            var trailing = run[run.TrimEnd().Length..];
            parts[_arabic[r]] = leading + Encode(english[r]) + trailing;
        }
        return string.Concat(parts);
    }

    /// <summary>Only what would be read as markup in a text node; quotes and letters stay as they are.</summary>
    private static string Encode(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    [GeneratedRegex("(<[^>]*>)")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^<\s*(script|style)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawTextOpening();

    [GeneratedRegex(@"^<\s*/\s*(script|style)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawTextClosing();
}
