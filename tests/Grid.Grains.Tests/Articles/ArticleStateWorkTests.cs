using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;

namespace Grid.Grains.Tests.Articles;

/// <summary>The rules of an article's work that its grain relies on: counting answers, failing, and starting a new round.</summary>
public sealed class ArticleStateWorkTests
{
    private const string Id = "a1";
    private static readonly LlmUsage OneCall = new(1, 300, 100, 500);

    [Fact]
    public void AnAnswerMadeForThisArticleCountsItsCostAndOneMadeForAnotherCountsAsCached()
    {
        var article = Article(chunks: 2);

        Assert.True(article.Record(article.Work[0], Succeeded(article.Payer(Id)), Id));
        Assert.True(article.Record(article.Work[1], Succeeded("another"), Id));

        Assert.Equal(OneCall, article.Usage);
        Assert.Equal(OneCall, article.StageUsage[UsageStages.Translate]);
        Assert.Equal(1, article.CachedChunks);
        Assert.Empty(article.PendingWork());
    }

    [Fact]
    public void WorkLeftInTheCacheByAnEarlierSubmissionOfTheSameArticleCountsAsCached()
    {
        var earlier = Article(chunks: 1);
        earlier.SubmittedAt = earlier.SubmittedAt.AddMinutes(-5);
        var article = Article(chunks: 1);

        Assert.NotEqual(earlier.Payer(Id), article.Payer(Id));
        article.Record(article.Work[0], Succeeded(earlier.Payer(Id)), Id);

        Assert.Equal(LlmUsage.None, article.Usage);
        Assert.Equal(1, article.CachedChunks);
    }

    [Fact]
    public void AnAnswerIsCountedOnceAndAFailureFromBeforeTheRoundIsIgnored()
    {
        var article = Article(chunks: 2);
        var beforeTheRound = Failed(TranslationFailureKind.BackendUnavailable) with { StartedAt = article.RoundStartedAt.AddSeconds(-1) };

        Assert.True(article.Record(article.Work[0], Succeeded(article.Payer(Id)), Id));
        Assert.False(article.Record(article.Work[0], Succeeded(article.Payer(Id)), Id));
        Assert.False(article.Record(article.Work[1], beforeTheRound, Id));

        Assert.Equal(OneCall, article.Usage);
        Assert.Equal([article.Work[1]], article.PendingWork());
    }

    [Fact]
    public void AMissingModelFailsTheArticleEvenWhileOtherChunksAreStillOut()
    {
        var article = Article(chunks: 3);
        article.Record(article.Work[0], Failed(TranslationFailureKind.ModelMissing), Id);

        Assert.True(article.AwaitsTranslations);
        Assert.Equal("model missing", article.TranslationFailure());
    }

    [Fact]
    public void TheArticleFailsOnlyWhenEveryChunkAnsweredAndNoneSucceeded()
    {
        var article = Article(chunks: 2);
        article.Record(article.Work[0], Failed(TranslationFailureKind.BackendUnavailable), Id);
        Assert.Null(article.TranslationFailure());

        article.Record(article.Work[1], Failed(TranslationFailureKind.BackendUnavailable), Id);
        Assert.Equal("no part of the article could be translated: backend down", article.TranslationFailure());
    }

    [Fact]
    public void ANewRoundForgetsFailuresAndWarningsButKeepsFinishedChunks()
    {
        var article = Article(chunks: 2);
        article.Record(article.Work[0], Succeeded(article.Payer(Id)), Id);
        article.Record(article.Work[1], Failed(TranslationFailureKind.BackendUnavailable), Id);
        (article.Status, article.Failure, article.FinishedAt) = (ArticleStatus.Failed, "backend down", DateTimeOffset.UtcNow);
        article.Warnings.Add("a warning");

        article.StartNewRound();

        Assert.Equal(ArticleStatus.Queued, article.Status);
        Assert.Null(article.Failure);
        Assert.Null(article.FinishedAt);
        Assert.Empty(article.Warnings);
        Assert.Equal([article.Work[1]], article.PendingWork());
    }

    [Fact]
    public void AChunkWaitingForABackendIsShownWithTheEarliestWordUntilItsAnswerComes()
    {
        var article = Article(chunks: 2);
        var first = new BackendWait(DateTimeOffset.UtcNow.AddMinutes(-2), "http://gpu1:11434 is unreachable");
        var later = new BackendWait(DateTimeOffset.UtcNow, "every endpoint is out of rotation");

        Assert.True(article.NoteBackendWait(article.Work[0].Key, first));
        Assert.False(article.NoteBackendWait(article.Work[0].Key, later));
        Assert.True(article.NoteBackendWait(article.Work[1].Key, later));
        Assert.False(article.NoteBackendWait("a chunk of another article", first));
        Assert.Equal(first, article.WaitingForBackend);

        article.Record(article.Work[0], Succeeded(article.Payer(Id)), Id);
        Assert.Equal(later, article.WaitingForBackend);
        Assert.True(article.NoteBackendWait(article.Work[1].Key, null));
        Assert.Null(article.WaitingForBackend);
    }

    [Fact]
    public void MissingParagraphsCountTheParagraphsOfChunksThatEndedUntranslated()
    {
        var article = Article(chunks: 3);
        article.Record(article.Work[0], Succeeded(article.Payer(Id)), Id);
        Assert.Equal(0, article.MissingParagraphs());

        article.Record(article.Work[1], Failed(TranslationFailureKind.InvalidAnswer), Id);
        article.Record(article.Work[2], Failed(TranslationFailureKind.NoBackend), Id);

        Assert.Equal(2, article.MissingParagraphs());
    }

    [Fact]
    public void GapsNoBackendTookAreAlwaysLeftForARedriveAndGapsOfAFailingBackendOnlyOnce()
    {
        var noBackend = Article(chunks: 2);
        noBackend.Record(noBackend.Work[0], Failed(TranslationFailureKind.NoBackend), Id);
        Assert.False(noBackend.HasOutageGaps);  // not finished yet
        noBackend.Record(noBackend.Work[1], Succeeded(noBackend.Payer(Id)), Id);
        noBackend.Status = ArticleStatus.Completed;
        noBackend.OutageRedrives = 5;
        Assert.True(noBackend.HasOutageGaps);

        var failing = Article(chunks: 1);
        failing.Record(failing.Work[0], Failed(TranslationFailureKind.BackendUnavailable), Id);
        failing.Status = ArticleStatus.Failed;
        Assert.True(failing.HasOutageGaps);
        failing.OutageRedrives = 1;
        Assert.False(failing.HasOutageGaps);

        var rejected = Article(chunks: 1);
        rejected.Record(rejected.Work[0], Failed(TranslationFailureKind.InvalidAnswer), Id);
        rejected.Status = ArticleStatus.Failed;
        Assert.False(rejected.HasOutageGaps);
    }

    private static ArticleState Article(int chunks)
    {
        var paragraphs = Enumerable.Range(1, chunks).Select(i => $"فقرة رقم {i} من المقال عن الاجتماع في بغداد.");
        var options = new ArticleOptions { ChunkTokens = 20 };
        var state = ArticleDraft.Create(new ArticleSubmission(string.Join("\n\n", paragraphs)), options, "model").State!;
        Assert.Equal(chunks, state.Work.Length);
        return state;
    }

    private static ChunkTranslationResult Succeeded(string producedFor) =>
        new(["English"], OneCall, producedFor, StartedAt: DateTimeOffset.UtcNow);

    private static ChunkTranslationResult Failed(TranslationFailureKind kind) =>
        new([], LlmUsage.None, Id, kind, kind == TranslationFailureKind.ModelMissing ? "model missing" : "backend down", StartedAt: DateTimeOffset.UtcNow);
}
