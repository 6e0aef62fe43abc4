using System.Text;
using System.Text.RegularExpressions;

namespace Grid.Grains.Pages;

/// <summary>
/// Turns a page's bytes into text as a browser would: a byte-order mark first, then the charset of
/// the Content-Type header, then a <c>&lt;meta&gt;</c> charset near the top, else UTF-8. Arabic sites
/// still serve windows-1256 and ISO-8859-6, which .NET knows only once the code-page provider is registered.
/// </summary>
public static partial class PageDecoder
{
    /// <summary>Browsers look for the meta charset in the first 1024 bytes; some pages put it a little later.</summary>
    private const int SniffBytes = 4096;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] body, string? headerCharset)
    {
        var (encoding, skip) = ByteOrderMark(body) is { } bom ? bom : (Named(headerCharset) ?? Named(MetaCharset(body)) ?? Encoding.UTF8, 0);
        return encoding.GetString(body, skip, body.Length - skip);
    }

    private static (Encoding, int)? ByteOrderMark(byte[] body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    private static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        // As the HTML standard says: pages labelled Latin-1 are windows-1252, and ASCII is read as it.
        name = name is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" ? "windows-1252" : name;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, SniffBytes));
        return MetaCharsetPattern().Match(head) is { Success: true } match ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
