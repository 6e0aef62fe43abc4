using System.Text;
using AngleSharp.Html.Parser;

namespace Grid.Grains.Tests.Pages;

/// <summary>The saved news pages in samples/pages, and what each holds: its body paragraphs and its furniture.</summary>
internal static class SavedPages
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "pages", name));

    /// <summary>The body paragraphs, read straight from the page's markup (the block that holds them, past the byline).</summary>
    public static List<string> BodyOf(string html, string bodyBlock) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll($".{bodyBlock} p").Select(p => Clean(p.TextContent)).Where(p => p.Length > 60)];

    public static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string Windows1256(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("windows-1256").GetString(bytes);
    }
}
