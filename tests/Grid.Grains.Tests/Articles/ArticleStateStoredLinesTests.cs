using Grid.Grains.Articles;
using Grid.Grains.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// An article's line leaves out what it repeats of its paragraphs (the parsed paragraphs the plan holds, a unit's text
/// that is its pieces joined, a piece that is a whole paragraph) and reads back whole, each unit under its key: also
/// for states stored before the plan and before revisions, read, upgraded and written again.
/// </summary>
public sealed class ArticleStateStoredLinesTests
{
    [Fact]
    public void AnArticlesLineLeavesOutWhatItRepeatsOfItsParagraphs()
    {
        var article = RealisticStates.Article();
        var plan = article.Plan!;

        var line = JObject.Parse(StoredStateLines.Write(StoredStateLines.Grid, typeof(ArticleState), article).ToString());

        Assert.Null(line["Parsed"]!["Paragraphs"]);
        Assert.Equal(plan.Paragraphs, line["Plan"]!["Paragraphs"]!.Values<string>());
        var units = line["Plan"]!["Units"]!.Children().ToList();
        Assert.Equal(plan.Units.Length, units.Count);
        Assert.All(units, unit => Assert.Null(unit["Work"]!["Text"]));
        var pieces = plan.Units.SelectMany(unit => unit.Pieces).ToList();
        var stored = units.SelectMany(unit => unit["Pieces"]!.Children()).ToList();
        Assert.Contains(pieces, piece => !piece.IsTitle && !piece.IsWholeParagraphOf(plan.Paragraphs));
        Assert.All(pieces.Zip(stored), pair => Assert.Equal(pair.First.IsWholeParagraphOf(plan.Paragraphs) ? null : pair.First.Arabic, (string?)pair.Second["Arabic"]));
    }

    [Fact]
    public void AnArticleReadBackHasItsParagraphsTextsAndKeys()
    {
        var article = RealisticStates.Article();

        var read = (ArticleState)StoredStateLines.Read(StoredStateLines.Grid, typeof(ArticleState), StoredStateLines.Write(StoredStateLines.Grid, typeof(ArticleState), article))!;

        Assert.Equal(article.Parsed!.Paragraphs.ToArray(), read.Parsed!.Paragraphs.ToArray());
        Assert.Equal(article.Plan!.Units.Select(unit => (unit.Key, unit.Work.Text)), read.Plan!.Units.Select(unit => (unit.Key, unit.Work.Text)));
        Assert.Equal(article.Plan.Units.SelectMany(unit => unit.Pieces), read.Plan.Units.SelectMany(unit => unit.Pieces));
        Assert.Equal<string?>(article.Plan.ParagraphEnglish(), read.Plan.ParagraphEnglish());
    }

    [Theory]
    [InlineData("article-state-before-plan.json")]
    [InlineData("article-state-before-revisions.json")]
    [InlineData("article-state-before-llm-failure-kind.json")]
    public void AnOlderLineReadUpgradedAndWrittenAgainReadsBackTheSameUnderItsKeys(string file)
    {
        var line = new BinaryData(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Articles", "Stored", file)));
        var article = (ArticleState)StoredStateLines.Read(StoredStateLines.Grid, typeof(ArticleState), line)!;
        Assert.Equal(StateDescription.Of(StoredStateLines.Read(StoredStateLines.Orleans, typeof(ArticleState), line)), StateDescription.Of(article));
        article.UpgradeToPlan();

        var read = (ArticleState)StoredStateLines.Read(StoredStateLines.Grid, typeof(ArticleState), StoredStateLines.Write(StoredStateLines.Grid, typeof(ArticleState), article))!;

        Assert.Equal(article.Plan!.Units.Select(unit => unit.Key), read.Plan!.Units.Select(unit => unit.Key));
        Assert.Equal(StateDescription.Of(article), StateDescription.Of(read));
    }
}
