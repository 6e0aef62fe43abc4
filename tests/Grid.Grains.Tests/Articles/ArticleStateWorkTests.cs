using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>The article's side of its plan: what an answer cost, waits for a backend, outage gaps and new rounds.</summary>
public sealed class ArticleStateWorkTests
{
    [Fact]
    public void AnAnswerMadeForThisArticleCountsItsCostAndOneMadeForAnotherCountsAsCached()
    {
        var article = Article(paragraphs: 2);
        var units = article.Plan!.Units;

        Assert.True(article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id));
        Assert.True(article.Record(units[1].Key, Answer(units[1], "another"), Id));

        Assert.Equal(OneCall, article.Usage);
        Assert.Equal(OneCall, article.StageUsage[UsageStages.Translate]);
        Assert.Equal(1, article.CachedChunks);
        Assert.Empty(article.Plan.PendingWork());
    }

    [Fact]
    public void WorkLeftInTheCacheByAnEarlierSubmissionOfTheSameArticleCountsAsCached()
    {
        var earlier = Article(paragraphs: 1);
        earlier.SubmittedAt = earlier.SubmittedAt.AddMinutes(-5);
        var article = Article(paragraphs: 1);
        var unit = article.Plan!.Units[0];

        Assert.NotEqual(earlier.Payer(Id), article.Payer(Id));
        article.Record(unit.Key, Answer(unit, earlier.Payer(Id)), Id);

        Assert.Equal(LlmUsage.None, article.Usage);
        Assert.Equal(1, article.CachedChunks);
    }

    [Fact]
    public void AnAnswerIsCountedOnceAndAFailureFromBeforeTheRoundIsIgnored()
    {
        var article = Article(paragraphs: 2);
        var units = article.Plan!.Units;
        var beforeTheRound = Failed(LlmFailureKind.BackendUnavailable) with { StartedAt = article.RoundStartedAt.AddSeconds(-1) };

        Assert.True(article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id));
        Assert.False(article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id));
        Assert.False(article.Record(units[1].Key, beforeTheRound, Id));

        Assert.Equal(OneCall, article.Usage);
        Assert.Equal([units[1].Work], article.Plan.PendingWork());
    }

    [Fact]
    public void ANewRoundForgetsFailuresAndWarningsButKeepsFinishedUnits()
    {
        var article = Article(paragraphs: 2);
        var units = article.Plan!.Units;
        article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id);
        article.Record(units[1].Key, Failed(LlmFailureKind.BackendUnavailable), Id);
        (article.Status, article.Failure, article.FinishedAt) = (ArticleStatus.Failed, "backend down", DateTimeOffset.UtcNow);
        article.Warnings.Add("a warning");

        article.StartNewRound();

        Assert.Equal(ArticleStatus.Queued, article.Status);
        Assert.Null(article.Failure);
        Assert.Null(article.FinishedAt);
        Assert.Empty(article.Warnings);
        Assert.Equal([units[1].Work], article.Plan.PendingWork());
    }

    [Fact]
    public void AUnitWaitingForABackendIsShownWithTheEarliestWordUntilItsAnswerComes()
    {
        var article = Article(paragraphs: 2);
        var units = article.Plan!.Units;
        var first = new BackendWait(DateTimeOffset.UtcNow.AddMinutes(-2), "http://gpu1:11434 is unreachable");
        var later = new BackendWait(DateTimeOffset.UtcNow, "every endpoint is out of rotation");

        Assert.True(article.NoteBackendWait(units[0].Key, first));
        Assert.False(article.NoteBackendWait(units[0].Key, later));
        Assert.True(article.NoteBackendWait(units[1].Key, later));
        Assert.False(article.NoteBackendWait("a chunk of another article", first));
        Assert.Equal(first, article.WaitingForBackend);

        article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id);
        Assert.Equal(later, article.WaitingForBackend);
        Assert.True(article.NoteBackendWait(units[1].Key, null));
        Assert.Null(article.WaitingForBackend);
    }

    [Fact]
    public void GapsNoBackendTookAreAlwaysLeftForARedriveAndGapsOfAFailingBackendOnlyOnce()
    {
        var noBackend = Article(paragraphs: 2);
        var units = noBackend.Plan!.Units;
        noBackend.Record(units[0].Key, Failed(LlmFailureKind.NoBackend), Id);
        Assert.False(noBackend.HasOutageGaps);  // not finished yet
        noBackend.Record(units[1].Key, Answer(units[1], noBackend.Payer(Id)), Id);
        noBackend.Status = ArticleStatus.Completed;
        noBackend.OutageRedrives = 5;
        Assert.True(noBackend.HasOutageGaps);

        var failing = Article(paragraphs: 1);
        failing.Record(failing.Plan!.Units[0].Key, Failed(LlmFailureKind.BackendUnavailable), Id);
        failing.Status = ArticleStatus.Failed;
        Assert.True(failing.HasOutageGaps);
        failing.OutageRedrives = 1;
        Assert.False(failing.HasOutageGaps);

        var rejected = Article(paragraphs: 1);
        rejected.Record(rejected.Plan!.Units[0].Key, Failed(LlmFailureKind.InvalidAnswer), Id);
        rejected.Status = ArticleStatus.Failed;
        Assert.False(rejected.HasOutageGaps);
    }
}
