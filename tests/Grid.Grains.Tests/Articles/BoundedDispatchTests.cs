using Grid.Grains.Articles;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// Which of an article's pending work goes out now: at most its bound at once, in plan order, the next as each answer
/// comes back; a watchdog tick asks again for the requests out and for nothing beyond the bound.
/// </summary>
public sealed class BoundedDispatchTests
{
    private const int MaxOut = 3;

    [Fact]
    public void AnArticleSendsNoMoreThanItsBoundAndTheNextGoesAsEachAnswerComesBack()
    {
        var article = Ready(Article(paragraphs: 8));
        var units = article.Plan!.Units;

        Assert.Equal(Keys(units.Take(MaxOut)), Keys(article.Plan.WorkToSend(MaxOut, askAgain: false)));
        Assert.Empty(article.Plan.WorkToSend(MaxOut, askAgain: false));

        article.Record(units[1].Key, Answer(units[1], article.Payer(Id)), Id);
        Assert.Equal([units[3].Key], Keys(article.Plan.WorkToSend(MaxOut, askAgain: false)));
        Assert.Equal(new HashSet<string> { units[0].Key, units[2].Key, units[3].Key }, article.Plan.RequestsOut.ToHashSet());
    }

    [Fact]
    public void AWatchdogTickAsksAgainForTheRequestsOutOnlyAndSendsNothingBeyondTheBound()
    {
        var article = Ready(Article(paragraphs: 8));
        var units = article.Plan!.Units;
        article.Plan.WorkToSend(MaxOut, askAgain: false);

        Assert.Equal(Keys(units.Take(MaxOut)), Keys(article.Plan.WorkToSend(MaxOut, askAgain: true)));

        article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id);
        Assert.Equal(Keys(units.Skip(1).Take(MaxOut)), Keys(article.Plan.WorkToSend(MaxOut, askAgain: true)));
    }

    [Fact]
    public void EveryUnitGoesOutOnceInPlanOrderWhateverTheOrderOfTheAnswers()
    {
        var article = Ready(Article(paragraphs: 10));
        var units = article.Plan!.Units;
        var sent = new List<string>();

        sent.AddRange(Keys(article.Plan.WorkToSend(MaxOut, askAgain: false)));
        while (article.Plan.RequestsOut.Count > 0)
        {
            // The newest request out is answered first: the order of answers does not change what goes next.
            var last = units.Last(unit => article.Plan.RequestsOut.Contains(unit.Key));
            article.Record(last.Key, Answer(last, article.Payer(Id)), Id);
            var next = article.Plan.WorkToSend(MaxOut, askAgain: false);
            Assert.True(article.Plan.RequestsOut.Count <= MaxOut);
            sent.AddRange(Keys(next));
        }

        Assert.Equal(Keys(units), sent);
        Assert.Empty(article.Plan.PendingWork());
    }

    [Fact]
    public void ABoundOfOneSendsTheArticleOneRequestAtATime()
    {
        var article = Ready(Article(paragraphs: 3));
        var units = article.Plan!.Units;

        Assert.Equal([units[0].Key], Keys(article.Plan.WorkToSend(1, askAgain: false)));
        article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id);
        Assert.Equal([units[1].Key], Keys(article.Plan.WorkToSend(1, askAgain: true)));
    }

    private static List<string> Keys(IEnumerable<WorkItem> items) => [.. items.Select(item => item.Key)];

    private static List<string> Keys(IEnumerable<PlanUnit> units) => [.. units.Select(unit => unit.Key)];
}
