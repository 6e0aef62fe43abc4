using System.Text;
using Grid.Abstractions.Pages;

namespace Grid.Grains.Tests.Pages;

public sealed class PageDecoderTests
{
    private static readonly byte[] Windows1256Page = SavedPages.Bytes("jordan-central-bank-windows-1256.html");

    [Fact]
    public void AWindows1256PageIsReadByTheCharsetInItsMetaTag()
    {
        var html = PageDecoder.Decode(Windows1256Page, headerCharset: null);

        Assert.Contains("البنك المركزي الأردني يبقي أسعار الفائدة", html);
        Assert.Equal(SavedPages.Windows1256(Windows1256Page), html);
    }

    [Fact]
    public void TheHeadersCharsetWinsOverTheMetaTagAndAByteOrderMarkOverBoth()
    {
        var utf8 = Encoding.UTF8.GetBytes("<meta charset=\"windows-1256\"><p>مرحبا</p>");
        Assert.Contains("مرحبا", PageDecoder.Decode(utf8, headerCharset: "utf-8"));

        var marked = (byte[])[0xEF, 0xBB, 0xBF, .. utf8];
        Assert.Contains("مرحبا", PageDecoder.Decode(marked, headerCharset: "windows-1256"));
    }

    [Fact]
    public void AnUnknownCharsetFallsBackToTheNextClueAndThenUtf8()
    {
        var utf8 = Encoding.UTF8.GetBytes("<p>مرحبا</p>");

        Assert.Equal("<p>مرحبا</p>", PageDecoder.Decode(utf8, headerCharset: "x-no-such-charset"));
    }

    [Fact]
    public void AWindows1256PageWithoutAnyCharsetLabelIsReadAsWindows1256BecauseItsBytesAreNotUtf8()
    {
        var unlabelled = Unlabel(Windows1256Page);

        var html = PageDecoder.Decode(unlabelled, headerCharset: null);

        Assert.Contains("البنك المركزي الأردني يبقي أسعار الفائدة", html);
        Assert.Equal(SavedPages.Windows1256(unlabelled), html);
    }

    [Fact]
    public void AnUnlabelledUtf8PageStaysUtf8EvenWhenItsLastLetterIsCutShort()
    {
        var utf8 = Encoding.UTF8.GetBytes("<p>مرحبا بالعالم</p><p>ب");
        var cut = utf8[..^1];

        Assert.Equal("<p>مرحبا بالعالم</p><p>ب", PageDecoder.Decode(utf8, headerCharset: null));
        Assert.StartsWith("<p>مرحبا بالعالم</p><p>", PageDecoder.Decode(cut, headerCharset: null));
    }

    /// <summary>The page's bytes with its http-equiv charset label taken out, as a page saved without one.</summary>
    private static byte[] Unlabel(byte[] page)
    {
        var label = Encoding.ASCII.GetBytes("; charset=windows-1256");
        var at = page.AsSpan().IndexOf(label);
        Assert.True(at > 0, "the sample page has lost its http-equiv charset label");
        return [.. page[..at], .. page[(at + label.Length)..]];
    }
}
