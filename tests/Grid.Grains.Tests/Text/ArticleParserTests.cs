using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ArticleParserTests
{
    private const string FirstParagraph =
        "أعلن المتحدث باسم وزارة الدفاع الأميركية، يوم الخميس، أن الوزارة ستستضيف مسؤولين عسكريين عراقيين لبحث أربعة ملفات.";

    private const string SecondParagraph =
        "وقال المتحدث في تصريح للتلفزيون الرسمي إن الاجتماع سيتناول الشق التقني للعلاقة العسكرية بين البلدين.";

    private const string Headline = "البنتاغون يشهد مباحثات عراقية أميركية";

    [Fact]
    public void AnArticleWithoutCruftKeepsItsTitleAndEveryParagraph()
    {
        var text = $"{Headline}\n\n{FirstParagraph}\n\n{SecondParagraph}";

        var article = ArticleParser.Parse(text);

        Assert.Equal(Headline, article.Title);
        Assert.Null(article.DateLine);
        Assert.Null(article.Byline);
        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
        Assert.Empty(article.Omitted);
    }

    [Fact]
    public void ASingleParagraphIsBodyAndNotATitle()
    {
        var article = ArticleParser.Parse(FirstParagraph);

        Assert.Null(article.Title);
        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
    }

    [Fact]
    public void ASingleShortHeadlineLikeLineIsStillKeptAsBody()
    {
        var article = ArticleParser.Parse(Headline);

        Assert.Null(article.Title);
        Assert.Equal<string>([Headline], article.Paragraphs);
    }

    [Fact]
    public void AFirstLineThatIsAFullSentenceIsNotTakenForATitle()
    {
        var article = ArticleParser.Parse($"{FirstParagraph}\n\n{SecondParagraph}");

        Assert.Null(article.Title);
        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
    }

    [Fact]
    public void ParagraphsSeparatedBySingleNewlinesAreSeparateParagraphs()
    {
        var article = ArticleParser.Parse($"29 مارس، 2024 12:57 م\n{Headline}\nوكالات – كتابات :\n{FirstParagraph}\n{SecondParagraph}");

        Assert.Equal("29 مارس، 2024 12:57 م", article.DateLine);
        Assert.Equal(Headline, article.Title);
        Assert.Equal("وكالات – كتابات :", article.Byline);
        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
    }

    [Fact]
    public void AReadAlsoLinkInsideTheBodyIsOmittedAndTheBodyGoesOn()
    {
        var text = $"{Headline}\n\n{FirstParagraph}\n\nاقرأ أيضاً: الكاظمي يصل إلى واشنطن في زيارة رسمية\n\n{SecondParagraph}";

        var article = ArticleParser.Parse(text);

        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
        Assert.Equal(OmissionReason.Related, Assert.Single(article.Omitted).Reason);
    }

    [Fact]
    public void TheHeadlineUnderABareReadAlsoIsOmittedWithIt()
    {
        var text = $"{FirstParagraph}\n\nاقرأ أيضا\n\nالكاظمي يصل إلى واشنطن في زيارة رسمية\n\n{SecondParagraph}";

        var article = ArticleParser.Parse(text);

        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
        Assert.All(article.Omitted, line => Assert.Equal(OmissionReason.Related, line.Reason));
        Assert.Equal(2, article.Omitted.Length);
    }

    [Fact]
    public void HeadlinesListedUnderRelatedNewsAreOmittedEvenWhenLong()
    {
        var text = $"{FirstParagraph}\n\nأخبار ذات صلة\n\nالكاظمي: الحوار مع واشنطن سيحدد موعد انسحاب القوات الأميركية من العراق\n\nالبرلمان يصوت على قانون الموازنة";

        var article = ArticleParser.Parse(text);

        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
        Assert.Equal(3, article.Omitted.Length);
        Assert.All(article.Omitted, line => Assert.Equal(OmissionReason.Related, line.Reason));
    }

    [Fact]
    public void ProseAfterARelatedBoxInTheMiddleOfTheArticleIsStillBody()
    {
        var text = $"{FirstParagraph}\n\nأخبار ذات صلة\n\nالبرلمان يصوت على قانون الموازنة\n\n{SecondParagraph}";

        var article = ArticleParser.Parse(text);

        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
    }

    [Fact]
    public void ShortLinesWithoutPunctuationAfterTheBodyAreOmittedAsTrailing()
    {
        var article = ArticleParser.Parse($"{FirstParagraph}\n\n{SecondParagraph}\n\nكتابات الثقافية\n\nعطر الكتب");

        Assert.Equal<string>([FirstParagraph, SecondParagraph], article.Paragraphs);
        Assert.Equal<OmittedLine>(
            [new OmittedLine("كتابات الثقافية", OmissionReason.Trailing), new OmittedLine("عطر الكتب", OmissionReason.Trailing)],
            article.Omitted);
    }

    [Fact]
    public void AShortLineInsideTheBodyIsKeptAsBody()
    {
        var article = ArticleParser.Parse($"{FirstParagraph}\n\nالملف الأمني\n\n{SecondParagraph}");

        Assert.Equal<string>([FirstParagraph, "الملف الأمني", SecondParagraph], article.Paragraphs);
    }

    [Fact]
    public void ALongLatinQuoteInsideTheBodyIsKeptButALatinLabelIsNot()
    {
        const string quote = "\"We will host Iraqi military officials to discuss four files,\" the spokesman said on Thursday.";

        var article = ArticleParser.Parse($"{FirstParagraph}\n\n{quote}\n\nNewsletter\n\n{SecondParagraph}");

        Assert.Equal<string>([FirstParagraph, quote, SecondParagraph], article.Paragraphs);
        Assert.Equal(new OmittedLine("Newsletter", OmissionReason.NonArabic), Assert.Single(article.Omitted));
    }

    [Theory]
    [InlineData("جميع الحقوق محفوظة © 2024 كتابات", OmissionReason.Copyright)]
    [InlineData("Copyright © 2024 Kitabat. All rights reserved.", OmissionReason.Copyright)]
    [InlineData("تابعنا على تويتر", OmissionReason.Follow)]
    [InlineData("Facebook Twitter LinkedIn WhatsApp", OmissionReason.Share)]
    [InlineData("شارك الخبر", OmissionReason.Share)]
    [InlineData("الأكثر قراءة", OmissionReason.Related)]
    [InlineData("آخر الأخبار", OmissionReason.Related)]
    [InlineData("الوسوم: العراق، واشنطن، البنتاغون", OmissionReason.Tags)]
    [InlineData("اترك تعليقاً", OmissionReason.Comments)]
    public void KnownCruftAfterTheBodyIsOmittedWithItsReason(string cruft, string reason)
    {
        var article = ArticleParser.Parse($"{Headline}\n\n{FirstParagraph}\n\n{cruft}");

        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
        Assert.Equal(new OmittedLine(cruft, reason), Assert.Single(article.Omitted));
    }

    [Theory]
    [InlineData("29 مارس، 2024 12:57 م")]
    [InlineData("الخميس 28 آذار 2024")]
    [InlineData("2024-03-29 12:57")]
    [InlineData("نشر في 29/03/2024 - 10:30 ص")]
    [InlineData("١٢ كانون الثاني ٢٠٢٤")]
    [InlineData("March 29, 2024 12:57 PM")]
    [InlineData("بغداد – 29 مارس 2024")]
    public void ADateLineAtTheTopIsTheDateLine(string dateLine)
    {
        var article = ArticleParser.Parse($"{dateLine}\n\n{Headline}\n\n{FirstParagraph}");

        Assert.Equal(dateLine, article.DateLine);
        Assert.Equal(Headline, article.Title);
        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
    }

    [Fact]
    public void AParagraphThatMentionsADateIsNotADateLine()
    {
        const string paragraph = "في 29 مارس 2024 أعلن المتحدث باسم الوزارة أن الاجتماع سيعقد في واشنطن.";

        var article = ArticleParser.Parse($"{Headline}\n\n{paragraph}");

        Assert.Null(article.DateLine);
        Assert.Equal<string>([paragraph], article.Paragraphs);
    }

    [Theory]
    [InlineData("وكالات – كتابات :")]
    [InlineData("بقلم: أحمد علي")]
    [InlineData("كتب – محمد حسن")]
    [InlineData("المصدر: رويترز")]
    [InlineData("بغداد – رويترز")]
    [InlineData("متابعات –")]
    [InlineData("واشنطن – أ ف ب :")]
    public void ASourceLineBeforeTheBodyIsTheByline(string byline)
    {
        var article = ArticleParser.Parse($"{Headline}\n\n{byline}\n\n{FirstParagraph}");

        Assert.Equal(Headline, article.Title);
        Assert.Equal(byline, article.Byline);
        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
    }

    [Fact]
    public void ASourceCreditAfterTheBodyIsTheBylineWhenThereIsNoOtherOne()
    {
        var article = ArticleParser.Parse($"{Headline}\n\n{FirstParagraph}\n\nالمصدر : الجزيرة + وكالات");

        Assert.Equal("المصدر : الجزيرة + وكالات", article.Byline);
        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
    }

    [Fact]
    public void AHeadlineThatQuotesAnAgencyIsNotAByline()
    {
        const string headline = "رويترز: إيران ترفض العرض الأميركي";

        var article = ArticleParser.Parse($"{headline}\n\n{FirstParagraph}");

        Assert.Equal(headline, article.Title);
        Assert.Null(article.Byline);
    }

    [Fact]
    public void NavigationLabelsBeforeTheTitleAreOmitted()
    {
        var article = ArticleParser.Parse($"الرئيسية\n\nأخبار العراق\n\n{Headline}\n\n{FirstParagraph}");

        Assert.Equal(Headline, article.Title);
        Assert.Equal<OmittedLine>(
            [new OmittedLine("الرئيسية", OmissionReason.Navigation), new OmittedLine("أخبار العراق", OmissionReason.Navigation)],
            article.Omitted);
    }

    [Fact]
    public void ABreadcrumbIsNavigationButAHeadlineInGuillemetsIsATitle()
    {
        const string headline = "«البنتاغون» يشهد مباحثات عراقية أميركية";

        var article = ArticleParser.Parse($"الرئيسية » أخبار » العراق\n\n{headline}\n\n{FirstParagraph}");

        Assert.Equal(headline, article.Title);
        Assert.Equal(new OmittedLine("الرئيسية » أخبار » العراق", OmissionReason.Navigation), Assert.Single(article.Omitted));
    }

    [Fact]
    public void TheParserNormalizesItsInput()
    {
        var article = ArticleParser.Parse($"\uFEFF{Headline}\r\n\r\n\r\n\r\n  {FirstParagraph.Replace(" ", "\u00A0 ")}  \r\n");

        Assert.Equal(Headline, article.Title);
        Assert.Equal<string>([FirstParagraph], article.Paragraphs);
    }

    [Fact]
    public void EmptyTextParsesToAnEmptyArticle()
    {
        var article = ArticleParser.Parse(" \n\n \u200B ");

        Assert.Null(article.Title);
        Assert.Empty(article.Paragraphs);
        Assert.Empty(article.Omitted);
    }

    [Fact]
    public void ParsingTheSameTextTwiceGivesEqualArticles() =>
        Assert.Equal(ArticleParser.Parse(SampleArticle.Text), ArticleParser.Parse(SampleArticle.Text));
}
