using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// Each paragraph the reader sees carries its own English: the answers name their Arabic
/// (<see cref="PlannedArticles.English"/>), so an English shifted by one paragraph, or a piece of a
/// long paragraph read into its neighbour, shows here without a cluster.
/// </summary>
public sealed class ParagraphAlignmentTests
{
    private const string Title = "الرئيس يصل إلى بغداد في زيارة رسمية";

    private static readonly string[] Body =
    [
        "أعلن المتحدث أن الوزارة ستستضيف مسؤولين.",
        "وقال في تصريح إن الاجتماع سيبحث التعاون. وأضاف أن الحوار سيتناول الشق التقني. وأشار إلى أن الملفات أربعة. وختم بأن الوفد سيصل غدا.",
        "ونقلت الوكالة عن مصدر أن المباحثات ستستمر يومين.",
        "وكانت الحكومة قد أعلنت عن الزيارة الأسبوع الماضي.",
    ];

    [Fact]
    public void EveryParagraphAndTheTitleReadTheEnglishOfTheirOwnArabicWhateverOrderTheAnswersCameIn()
    {
        var article = ArticleDraft.Create(new ArticleSubmission(string.Join("\n\n", Body), Title: Title), Options(20), Model).State!;
        var plan = article.Plan!;
        Assert.True(plan.Units.Count(unit => unit.Pieces.Any(piece => piece.Paragraph == 1)) > 1, "the long paragraph should be cut over several units");

        foreach (var unit in plan.Units.Reverse())
            article.Record(unit.Key, Answer(unit, article.Payer(Id)), Id);
        var view = ArticleViewBuilder.Build(Id, article, []);

        Assert.Equal(English(Title), view.Title!.En);
        Assert.Equal(Body, view.Paragraphs.Select(paragraph => paragraph.Ar));
        Assert.All(view.Paragraphs, paragraph => Assert.Equal(Collapse(paragraph.Ar), Arabic(paragraph.En!)));
        Assert.Equal(Enumerable.Range(0, Body.Length), view.Paragraphs.Select(paragraph => paragraph.Index));
    }

    [Fact]
    public void AParagraphWithAPieceStillOutHasNoEnglishYetAndItsNeighboursDo()
    {
        var article = ArticleDraft.Create(new ArticleSubmission(string.Join("\n\n", Body)), Options(20), Model).State!;
        var units = article.Plan!.Units;
        var lastPieceOfTheLongParagraph = units.Last(unit => unit.Pieces.Any(piece => piece.Paragraph == 1));

        foreach (var unit in units.Where(unit => unit != lastPieceOfTheLongParagraph))
            article.Record(unit.Key, Answer(unit, article.Payer(Id)), Id);
        var english = article.Plan.ParagraphEnglish();

        Assert.Null(english[1]);
        Assert.Equal(Collapse(Body[0]), Arabic(english[0]!));
        Assert.Equal(Collapse(Body[2]), Arabic(english[2]!));
    }

    /// <summary>The Arabic an answer of <see cref="PlannedArticles.English"/> pieces names, pieces joined as the paragraph was cut.</summary>
    private static string Arabic(string english) => Collapse(english.Replace("EN[", "").Replace("]", ""));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
