using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>A new text for an article as its next revision: what changed, what it keeps, what it costs, and how many revisions stay.</summary>
public sealed class RevisionDraftTests
{
    private const string Title = "الرئيس يصل إلى بغداد في زيارة رسمية";
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddHours(1);

    [Fact]
    public void AnEditedAndAnAddedParagraphAreMarkedChangedAndAMovedOneIsNot()
    {
        var first = Completed(Paragraphs(1, 2, 3, 4));
        List<string> text = [Paragraph(2), Paragraph(1), $"{Paragraph(3)} وأضاف المتحدث تفاصيل جديدة.", Paragraph(4), Paragraph(9)];

        var next = Revise(first, text);

        Assert.Equal([2, 4], next.ChangedParagraphs);
        Assert.Equal([false, false, true, false, true], ArticleViewBuilder.Build(Id, next, []).Paragraphs.Select(paragraph => paragraph.Changed));
        Assert.All(ArticleViewBuilder.Build(Id, first, []).Paragraphs, paragraph => Assert.False(paragraph.Changed));
    }

    [Fact]
    public void TheNextRevisionKeepsTheArticlesPlaceAndHoldsTheOneBeforeExactlyAsItRead()
    {
        var first = Completed(Paragraphs(1, 2, 3));
        var before = ArticleViewBuilder.Build(Id, first, []);

        var next = Revise(first, [Paragraph(1), Paragraph(5), Paragraph(3)]);

        Assert.Equal((2, first.SubmittedAt, Later), (next.Revision, next.SubmittedAt, next.RevisedAt!.Value));
        Assert.Equal((ArticleStatus.Queued, (ArticleSummary?)null), (next.Status, next.Summary));
        var kept = Assert.Single(next.OlderRevisions);
        Assert.Equal(1, kept.Revision);
        Assert.Equal<ParagraphView>(before.Paragraphs, kept.Paragraphs);
        Assert.Equal(before.Title, kept.Title);
        Assert.Same(first.Summary, kept.Summary);
        Assert.Equal((ArticleStatus.Completed, first.FinishedAt), (kept.Status, kept.FinishedAt));
        var view = ArticleViewBuilder.Build(Id, next, []);
        Assert.Equal(2, view.Revision);
        Assert.Equal([1], view.OlderRevisions.ToArray());
    }

    [Fact]
    public void TheSameTextAgainMakesNoRevisionAndLeavingTheTitleOutKeepsIt()
    {
        var first = Completed(Paragraphs(1, 2));

        Assert.True(RevisionDraft.Create(Id, first, new ArticleSubmission(first.Submission!.Text), Options(20), Model, new TranslationOptions(), Later).Unchanged);
        Assert.False(RevisionDraft.Create(Id, first, new ArticleSubmission(first.Submission.Text, Title: "عنوان آخر للمقال"), Options(20), Model, new TranslationOptions(), Later).Unchanged);
        Assert.Equal(Title, Revise(first, Paragraphs(1, 3)).Plan!.Title);
    }

    [Fact]
    public void ATextGridCannotTranslateMakesNoRevision()
    {
        var draft = RevisionDraft.Create(Id, Completed(Paragraphs(1, 2)), new ArticleSubmission("Only English here, nothing to translate."), Options(20), Model, new TranslationOptions(), Later);

        Assert.Null(draft.Next);
        Assert.Equal(RejectionKind.NoArabic, draft.Rejection!.Kind);
    }

    [Fact]
    public void OnlyTheLastMaxRevisionsAreKeptAndTheDroppedOnesAreToldApartFromThoseThatNeverWere()
    {
        var options = Options(20);
        options.MaxRevisions = 3;
        var article = Completed(Paragraphs(1, 2));
        foreach (var extra in new[] { 3, 4, 5, 6 })
            article = RevisionDraft.Create(Id, article, new ArticleSubmission(Page(Paragraphs(1, 2, extra))), options, Model, new TranslationOptions(), Later).Next!;

        Assert.Equal(5, article.CurrentRevision);
        Assert.Equal([3, 4], article.OlderRevisions.Select(revision => revision.Revision));
        var lookup = new RevisionLookup(null, article.CurrentRevision, article.OldestKeptRevision);
        Assert.True(lookup.Dropped(1) && lookup.Dropped(2));
        Assert.False(lookup.Dropped(6) || lookup.Dropped(0));
    }

    [Fact]
    public void TheNextRevisionKeepsTheExtractedGlossaryMakesNoGlossaryCallAndItsUnchangedParagraphsKeepTheirCacheKeys()
    {
        var first = Article(string.Join("\n\n", Paragraphs(1, 2, 3, 4)), chunkTokens: 20);
        Assert.True(first.Plan!.GlossaryPending);
        first.Plan.ApplyGlossary([new GlossaryEntry("بغداد", "Baghdad", "place", GlossaryOrigin.Extracted)], Settings(20));
        first.Submission = first.Submission! with { Title = Title };

        var next = Revise(first, Paragraphs(1, 2, 5, 4));

        Assert.False(next.Plan!.GlossaryPending);
        Assert.Contains(next.Plan.Glossary, entry => entry.Source == "بغداد" && entry.Origin == GlossaryOrigin.Extracted);
        var before = first.Plan.ParagraphKeys(Settings(20)).ToDictionary(key => first.Plan.Paragraphs[key.Paragraph], key => key.Key);
        var after = next.Plan.ParagraphKeys(Settings(20));
        // The paragraph after the changed one has another context, which the key holds by default (ContextInCacheKey).
        Assert.All(after.Where(key => key.Paragraph < 2), key => Assert.Equal(before[next.Plan.Paragraphs[key.Paragraph]], key.Key));
        Assert.DoesNotContain(after[2].Key, before.Values);
    }

    [Fact]
    public void ALaterRevisionPaysApartSoWhatAnEarlierOnePaidForCountsAsCache()
    {
        var first = Completed(Paragraphs(1, 2));
        var next = Ready(Revise(first, Paragraphs(1, 3)));
        Assert.NotEqual(first.Payer(Id), next.Payer(Id));

        foreach (var item in next.Plan!.PendingWork())
            next.Record(item.Key, Answer(UnitOf(next, item), first.Payer(Id)), Id);

        Assert.Equal(next.Plan.Units.Length, next.CachedChunks);
        Assert.Equal(0, next.Usage.Calls);
    }

    [Fact]
    public void AConflictingWriteOfAnotherRevisionLendsItNeitherSummaryNorAnswers()
    {
        var first = Completed(Paragraphs(1, 2));
        var next = Revise(first, Paragraphs(1, 2, 3));

        var merged = ArticleState.Merge(first, next);

        Assert.Null(merged.Summary);
        Assert.Empty(merged.Plan!.Answers);
    }

    [Fact]
    public void MaxRevisionsBelowOneIsRefusedAtStartNamingTheSetting()
    {
        var result = new ArticleOptionsValidator().Validate(null, new ArticleOptions { MaxRevisions = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Grid:Articles:MaxRevisions", result.FailureMessage);
    }

    private static ArticleState Revise(ArticleState article, IEnumerable<string> paragraphs) =>
        RevisionDraft.Create(Id, article, new ArticleSubmission(Page(paragraphs)), Options(20), Model, new TranslationOptions(), Later).Next!;

    /// <summary>Revision 1, translated, summarized and completed.</summary>
    private static ArticleState Completed(IEnumerable<string> paragraphs)
    {
        var article = Ready(ArticleDraft.Create(new ArticleSubmission(Page(paragraphs), Title: Title), Options(20), Model).State!);
        AnswerAll(article);
        Assert.Equal(PlanStep.Summarize, article.Plan!.Advance(Settings(20)));
        article.Summary = new ArticleSummary("The summary.", "الملخص.", ["A point."]);
        article.Status = ArticleStatus.Completed;
        article.FinishedAt = article.SubmittedAt.AddMinutes(1);
        return article;
    }

    private static List<string> Paragraphs(params int[] numbers) => [.. numbers.Select(Paragraph)];

    private static string Paragraph(int number) => $"فقرة رقم {number} من المقال عن الاجتماع في بغداد.";

    private static string Page(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}
