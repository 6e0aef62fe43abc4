using System.Text;
using Grid.Abstractions.Pages;
using Grid.Grains.Pages;

namespace Grid.Grains.Tests.Pages;

/// <summary>SmartReader on the saved pages: every body paragraph, in order, and none of the furniture around it.</summary>
public sealed class PageArticleTests
{
    private static readonly Uri Where = new("https://news.example/2024/03/29/story");

    public static TheoryData<string, string, string[]> NewsPages() => new()
    {
        { "kitabat-pentagon-iraq.html", "post-content", ["أخبار ذات صلة", "Facebook", "واتساب", "الرئيسية", "أخر الاخبار", "عطر الكتب", "جميع الحقوق محفوظة", "البرلمان العراقي يناقش"] },
        { "jordan-central-bank-windows-1256.html", "news-body", ["اقرأ أيضاً", "فيسبوك", "التعليقات", "الأكثر قراءة", "الكلمات الدالة", "بورصة عمّان تغلق", "عربي ودولي"] },
    };

    [Theory]
    [MemberData(nameof(NewsPages))]
    public void ANewsPageGivesItsBodyParagraphsInOrderAndNoneOfItsFurniture(string name, string bodyBlock, string[] furniture)
    {
        var bytes = SavedPages.Bytes(name);
        var html = PageDecoder.Decode(bytes, headerCharset: null);
        var body = SavedPages.BodyOf(html, bodyBlock);

        var page = PageArticle.Extract(html, Where)!;

        var lines = page.Text.Split("\n\n").ToList();
        Assert.Equal(body, lines.Where(body.Contains));
        Assert.True(lines.IndexOf(body[0]) < lines.IndexOf(body[^1]));
        Assert.All(furniture, line => Assert.DoesNotContain(lines, text => text.Contains(line)));
        Assert.NotNull(page.Title);
        Assert.Contains(page.Title, lines);
        Assert.NotNull(page.Published);
    }

    [Fact]
    public void TheKitabatPageKeepsItsDateBylineAndSiteName()
    {
        var page = PageArticle.Extract(Encoding.UTF8.GetString(SavedPages.Bytes("kitabat-pentagon-iraq.html")), Where)!;

        Assert.Equal(new DateTimeOffset(2024, 3, 29, 9, 57, 0, TimeSpan.Zero), page.Published);
        Assert.Equal("وكالات – كتابات :", page.Byline);
        Assert.Equal("كتابات", page.SiteName);
        Assert.StartsWith("2024-03-29 09:57 UTC\n\nلبحث العلاقات العسكرية", page.Text);
    }

    [Fact]
    public void ASectionFrontOfLinksHasNoArticle()
    {
        Assert.Null(PageArticle.Extract(Encoding.UTF8.GetString(SavedPages.Bytes("no-article.html")), Where));
    }

    [Fact]
    public void TwoShortArabicParagraphsWithoutAPageAroundThemAreAnArticle()
    {
        const string Paragraph = "قال المتحدث باسم الوزارة إن الاجتماع انتهى مساء اليوم بعد نقاش طويل حول الميزانية العامة للدولة.";

        var page = PageArticle.Extract($"<p>{Paragraph}</p><p>{Paragraph.Replace("الوزارة", "الحكومة")}</p>", Where);

        Assert.NotNull(page);
        Assert.Contains(Paragraph, page.Text);
    }
}
