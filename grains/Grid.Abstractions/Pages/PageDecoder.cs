using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Grid.Abstractions.Pages;

/// <summary>
/// Turns a page's bytes into text as a browser would: a byte-order mark first, then the charset of the Content-Type
/// header, then a <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> charset near the top, then UTF-8 when the bytes are
/// valid UTF-8, else windows-1256 (what an unlabelled Arabic page is written in). One decoder for every place a page
/// enters Grid: the silo's fetches and uploads, and the CLI's saved pages. Arabic sites still serve windows-1256 and
/// ISO-8859-6, which .NET knows only once the code-page provider is registered.
/// </summary>
public static partial class PageDecoder
{
    /// <summary>Browsers look for the meta charset in the first 1024 bytes; some pages put it a little later.</summary>
    private const int SniffBytes = 4096;

    /// <summary>The last resort for bytes that are not UTF-8: Arabic news pages without a label are nearly always in it.</summary>
    public const string UnlabelledNonUtf8 = "windows-1256";

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="headerCharset">The Content-Type header's charset when the page came over HTTP; null for a saved file.</param>
    public static string Decode(byte[] body, string? headerCharset)
    {
        var (encoding, skip) = ByteOrderMark(body) is { } bom ? bom
            : (Named(headerCharset) ?? Named(MetaCharset(body)) ?? Unlabelled(body), 0);
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

    /// <summary>UTF-8 when every sequence is whole and valid (a sequence cut at the very end still counts), else windows-1256.</summary>
    private static Encoding Unlabelled(byte[] body) =>
        Utf8.IsValid(body.AsSpan(0, WholeSequencesLength(body))) ? Encoding.UTF8 : Encoding.GetEncoding(UnlabelledNonUtf8);

    /// <summary>The length of <paramref name="body"/> without a multi-byte sequence that its end cuts short.</summary>
    private static int WholeSequencesLength(byte[] body)
    {
        var start = body.Length;
        while (start > 0 && body.Length - start < 3 && (body[start - 1] & 0xC0) == 0x80)
            start--;
        if (start == 0 || body[start - 1] < 0xC0)
            return body.Length;
        var lead = body[start - 1];
        var needs = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        return body.Length - (start - 1) < needs ? start - 1 : body.Length;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
