using Grid.Abstractions.Articles;
using Grid.Grains.Archive;
using static Grid.Grains.Tests.Archive.ArchiveArticles;

namespace Grid.Grains.Tests.Archive;

/// <summary>
/// What every article index that can search must do, whatever keeps it: each implementation's test class derives from
/// this one (SQLite here, PostgreSQL in the cluster tests, which link this file), so the two cannot drift apart.
/// </summary>
public abstract class ArticleIndexContract : IAsyncLifetime
{
    protected IArticleIndex Index { get; private set; } = null!;

    /// <summary>An index over an empty store of the test's own.</summary>
    protected abstract Task<IArticleIndex> CreateAsync();

    /// <summary>The same store opened again after <see cref="CloseAsync"/>: what a restarted silo finds.</summary>
    protected abstract Task<IArticleIndex> ReopenAsync();

    protected abstract Task CloseAsync(IArticleIndex index);

    /// <summary>The cluster <see cref="Index"/> belongs to (its ServiceId).</summary>
    protected const string ServiceId = "test-cluster";

    /// <summary>A second index on the same store, open beside <see cref="Index"/>: another silo of the cluster <paramref name="serviceId"/>.</summary>
    protected abstract Task<IArticleIndex> OpenBesideAsync(string serviceId);

    /// <summary>Many articles at once, as fast as the store allows; through the write path unless a store says otherwise.</summary>
    protected virtual Task SeedAsync(IReadOnlyList<ArticleIndexEntry> entries) => RecordAllAsync(Index, entries);

    public virtual async Task InitializeAsync() => Index = await CreateAsync();

    public virtual async Task DisposeAsync() => await CloseAsync(Index);

    // Twenty thousand records and a walk over every page: about half a minute alone, minutes on a busy machine.
    [Fact(Timeout = 6 * 60 * 1000)]
    public async Task TwentyThousandArticlesAreAllCountedAndPagedByCursorBackToTheFirst()
    {
        const int Articles = 20_000;
        // Index rows written straight through the index's own write path, as articles do, without 20,000 article grains.
        await SeedAsync([.. Enumerable.Range(1, Articles).Select(n => Entry(n, body: $"paragraph of article {n}"))]);

        var seen = new List<string>();
        var page = await Index.ListAsync(new ArticleListQuery(PageSize: 100));
        Assert.Equal(Articles, page.Total);
        while (true)
        {
            seen.AddRange(page.Items.Select(item => item.Id));
            if (page.Next is null)
                break;
            page = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Next: page.Next));
        }

        Assert.Equal(Articles / 100, page.Page);
        Assert.Equal(Enumerable.Range(1, Articles).Reverse().Select(IdOf), seen);
        var lastByNumber = await Index.ListAsync(new ArticleListQuery(Page: Articles / 100, PageSize: 100));
        Assert.Equal(IdOf(1), lastByNumber.Items[^1].Id);
        Assert.Null(lastByNumber.Next);
        Assert.Equal(Articles, lastByNumber.Total);

        // A word in every article: all counted, and the newest first, whether the search stands alone or with a date.
        var everywhere = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: "paragraphs"));
        Assert.Equal(Articles, everywhere.Total);
        Assert.Equal(Enumerable.Range(Articles - 99, 100).Reverse().Select(IdOf), everywhere.Items.Select(item => item.Id));
        var dated = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: "paragraph", To: SubmittedAt(1001)));
        Assert.Equal(1000, dated.Total);
        Assert.Equal(Enumerable.Range(901, 100).Reverse().Select(IdOf), dated.Items.Select(item => item.Id));
    }

    [Fact]
    public async Task AnArabicWordInAnotherLetterFormThanTheTextsFindsExactlyItsArticles()
    {
        await RecordAllAsync(Index, [
            Entry(1, body: "قالت وزارة الدفاع إن إسرائيل أبلغت واشنطن."),
            Entry(2, body: "افتتحت المدرسة الجديدة في بغداد.", title: "مدرسةٌ جديدة"),
            Entry(3, summary: "زار الوزير مستشفى الكاظمية وتحدّث مع الأطباء."),
            Entry(4, body: "لا شيء هنا عن ذلك البلد ولا عن المدارس."),
            Entry(5, body: "قال المتحدث: أكَّدَ الجيشُ أنّ إسرائيلَ لم تَرُدّ."),
        ]);

        Assert.Equal([IdOf(5), IdOf(1)], await SearchAsync("اسرائيل"));
        Assert.Equal([IdOf(2)], await SearchAsync("مدرسه"));
        Assert.Equal([IdOf(3)], await SearchAsync("مستشفي"));
        Assert.Equal([IdOf(5)], await SearchAsync("اكد الجيش"));
        Assert.Equal([IdOf(2)], await SearchAsync("المدرسـة"));
    }

    [Fact]
    public async Task AnEnglishWordFindsEveryArticleWithAFormOfItsStemAndNoOther()
    {
        await RecordAllAsync(Index, [
            Entry(1, body: "The elections were held on Sunday."),
            Entry(2, summary: "Iraq elected a new parliament."),
            Entry(3, title: "Election results delayed"),
            Entry(4, body: "The electricity went out in Basra."),
            Entry(5, body: "Nothing about voting here."),
        ]);

        Assert.Equal([IdOf(3), IdOf(2), IdOf(1)], await SearchAsync("election"));
        Assert.Equal([IdOf(3), IdOf(2), IdOf(1)], await SearchAsync("ELECTING"));
        Assert.Equal([IdOf(4)], await SearchAsync("electricity"));
    }

    [Fact]
    public async Task ACursorKeepsItsPlaceWhileNewArticlesArrive()
    {
        await RecordAllAsync(Index, Enumerable.Range(1, 50).Select(n => Entry(n)));
        var first = await Index.ListAsync(new ArticleListQuery(PageSize: 10));
        var seen = first.Items.Select(item => item.Id).ToList();

        var next = first.Next;
        var arriving = 51;
        while (next is not null)
        {
            // Newer articles arrive between every two pages, ahead of everything already listed.
            await RecordAllAsync(Index, Enumerable.Range(arriving, 3).Select(n => Entry(n)));
            arriving += 3;
            var page = await Index.ListAsync(new ArticleListQuery(PageSize: 10, Next: next));
            seen.AddRange(page.Items.Select(item => item.Id));
            next = page.Next;
        }

        Assert.Equal(Enumerable.Range(1, 50).Reverse().Select(IdOf), seen);
    }

    [Fact]
    public async Task ByRankTitleMatchesComeFirstAndArticlesArrivingMeanwhileStayOutOfLaterPages()
    {
        await RecordAllAsync(Index, [
            Entry(1, body: "Basra Basra Basra oil"),
            Entry(2, title: "Basra port reopens"),
            Entry(3, summary: "Trade through Basra grew."),
            Entry(4, body: "Nothing to find."),
        ]);

        var first = await Index.ListAsync(new ArticleListQuery(PageSize: 1, Search: "basra", Sort: ArticleListSort.Rank));
        Assert.Equal(IdOf(2), first.Items.Single().Id);
        Assert.Equal(3, first.Total);
        await RecordAllAsync(Index, [Entry(10, title: "Basra Basra Basra")]);
        var rest = new List<string>();
        for (var next = first.Next; next is not null;)
        {
            var page = await Index.ListAsync(new ArticleListQuery(PageSize: 1, Search: "basra", Sort: ArticleListSort.Rank, Next: next));
            rest.AddRange(page.Items.Select(item => item.Id));
            next = page.Next;
        }

        Assert.Equal([IdOf(1), IdOf(3)], rest.Order());
        var fresh = await Index.ListAsync(new ArticleListQuery(PageSize: 1, Search: "basra", Sort: ArticleListSort.Rank));
        Assert.Equal(IdOf(10), fresh.Items.Single().Id);
    }

    [Fact]
    public async Task TheListFiltersByStatusAndByTheDayOfSubmission()
    {
        await RecordAllAsync(Index, Enumerable.Range(1, 30).Select(n => Entry(n, status: n % 3 == 0 ? ArticleStatus.Failed : ArticleStatus.Completed)));

        var failed = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Status: ArticleStatus.Failed));
        Assert.Equal(Enumerable.Range(1, 30).Where(n => n % 3 == 0).Reverse().Select(IdOf), failed.Items.Select(item => item.Id));
        var window = await Index.ListAsync(new ArticleListQuery(PageSize: 100, From: SubmittedAt(10), To: SubmittedAt(20)));
        Assert.Equal(Enumerable.Range(10, 10).Reverse().Select(IdOf), window.Items.Select(item => item.Id));
        Assert.Equal(10, window.Total);
    }

    [Fact]
    public async Task ProgressRecordedWithoutTextKeepsTheArticleSearchable()
    {
        await Index.RecordAsync(Entry(1, body: "Mosul reconstruction", status: ArticleStatus.Translating));
        await Index.RecordAsync(new ArticleIndexEntry(Item(1, ArticleStatus.Summarizing), Text: null));

        var found = await Index.ListAsync(new ArticleListQuery(Search: "mosul"));
        Assert.Equal(ArticleStatus.Summarizing, found.Items.Single().Status);
    }

    [Fact]
    public async Task ARemovedArticleIsNeitherListedNorFoundNorBroughtBackByALateRecord()
    {
        await RecordAllAsync(Index, [Entry(1, body: "Kirkuk"), Entry(2, body: "Kirkuk")]);

        await Index.RemoveAsync(IdOf(1), SubmittedAt(1));
        await Index.RecordAsync(Entry(1, body: "Kirkuk"));

        Assert.Equal([IdOf(2)], await SearchAsync("kirkuk"));
        Assert.Equal(1, (await Index.ListAsync(new ArticleListQuery())).Total);
        // Submitted again after the deletion, it is a new article and listed.
        await Index.RecordAsync(new ArticleIndexEntry(Item(1) with { SubmittedAt = SubmittedAt(100) }, new ArticleSearchText("", "", "Kirkuk")));
        Assert.Equal([IdOf(1), IdOf(2)], await SearchAsync("kirkuk"));
    }

    [Fact]
    public async Task TheListFiltersByTheFeedAnArticleCameFromAndKeepsTheFeedOnItsLine()
    {
        await RecordAllAsync(Index, Enumerable.Range(1, 12).Select(n => Entry(n, body: "Anbar", feed: n % 3 == 0 ? null : $"feed-{n % 3}")));

        var first = await Index.ListAsync(new ArticleListQuery(PageSize: 100, Feed: "feed-1"));
        Assert.Equal(new[] { 10, 7, 4, 1 }.Select(IdOf), first.Items.Select(item => item.Id));
        Assert.All(first.Items, item => Assert.Equal("feed-1", item.Feed));
        var searched = await Index.ListAsync(new ArticleListQuery(PageSize: 2, Feed: "feed-2", Search: "anbar"));
        Assert.Equal(4, searched.Total);
        var next = await Index.ListAsync(new ArticleListQuery(PageSize: 2, Feed: "feed-2", Search: "anbar", Next: searched.Next));
        Assert.Equal(new[] { 11, 8, 5, 2 }.Select(IdOf), searched.Items.Concat(next.Items).Select(item => item.Id));
        Assert.Empty((await Index.ListAsync(new ArticleListQuery(Feed: "feed-9"))).Items);
        Assert.Equal(12, (await Index.ListAsync(new ArticleListQuery())).Total);
    }

    [Fact]
    public async Task TheIndexIsKeptAcrossARestart()
    {
        await RecordAllAsync(Index, Enumerable.Range(1, 5).Select(n => Entry(n, body: "Najaf")));
        await CloseAsync(Index);

        Index = await ReopenAsync();
        Assert.Equal(5, (await Index.ListAsync(new ArticleListQuery(Search: "najaf"))).Total);
    }

    private async Task<List<string>> SearchAsync(string search) =>
        [.. (await Index.ListAsync(new ArticleListQuery(PageSize: 100, Search: search))).Items.Select(item => item.Id)];

    [Fact]
    public async Task TwoClustersSharingTheStoreEachListSearchAndRemoveOnlyTheirOwnArticles()
    {
        var other = await OpenBesideAsync("other-cluster");
        try
        {
            await RecordAllAsync(Index, [Entry(1, body: "Kirkuk"), Entry(2, body: "Kirkuk")]);
            // The same article id in the other cluster: the same text submitted there, its own article with its own line.
            await RecordAllAsync(other, [Entry(2, body: "Basra", status: ArticleStatus.Failed), Entry(3, body: "Kirkuk")]);

            Assert.Equal([IdOf(2), IdOf(1)], await ListAsync(Index));
            Assert.Equal([IdOf(3), IdOf(2)], await ListAsync(other));
            Assert.Equal(2, (await Index.ListAsync(new ArticleListQuery())).Total);
            Assert.Equal([IdOf(2), IdOf(1)], await ListAsync(Index, search: "kirkuk"));
            Assert.Equal([IdOf(3)], await ListAsync(other, search: "kirkuk"));
            Assert.Empty(await ListAsync(Index, search: "basra"));
            var ranked = await Index.ListAsync(new ArticleListQuery(Search: "kirkuk", Sort: ArticleListSort.Rank));
            Assert.Equal([IdOf(1), IdOf(2)], ranked.Items.Select(item => item.Id).Order());
            Assert.Equal(2, ranked.Total);
            Assert.Empty((await Index.ListAsync(new ArticleListQuery(Status: ArticleStatus.Failed))).Items);
            Assert.Equal(ArticleStatus.Failed, (await other.ListAsync(new ArticleListQuery(Status: ArticleStatus.Failed))).Items.Single().Status);

            await other.RemoveAsync(IdOf(2), SubmittedAt(2));

            Assert.Equal([IdOf(3)], await ListAsync(other));
            Assert.Equal([IdOf(2), IdOf(1)], await ListAsync(Index));
            // The other cluster's deletion is no marker here: a record of this cluster's article 2 still lands.
            await Index.RecordAsync(Entry(2, body: "Kirkuk Mosul", status: ArticleStatus.Summarizing));
            Assert.Equal([IdOf(2)], await ListAsync(Index, search: "mosul"));
        }
        finally
        {
            await CloseAsync(other);
        }
    }

    [Fact]
    public async Task ARecordForAnOlderStateNeverOverwritesANewerOneThatAnotherSiloWroteFirst()
    {
        var otherSilo = await OpenBesideAsync(ServiceId);
        try
        {
            // The article moved to the other silo, which recorded its newer state; the first silo's record of the older one comes late.
            await otherSilo.RecordAsync(Entry(1, body: "Basra", status: ArticleStatus.Completed) with { Version = 5 });
            await Index.RecordAsync(Entry(1, body: "Mosul", status: ArticleStatus.Translating) with { Version = 4 });
            await Index.RecordAsync(new ArticleIndexEntry(Item(1, ArticleStatus.Summarizing), Text: null, Version: 3));

            var listed = (await Index.ListAsync(new ArticleListQuery())).Items.Single();
            Assert.Equal(ArticleStatus.Completed, listed.Status);
            Assert.Equal([IdOf(1)], await ListAsync(otherSilo, search: "basra"));
            Assert.Empty(await ListAsync(Index, search: "mosul"));

            // The same version again (the same state, recorded again) and a newer one replace it, from either silo.
            await Index.RecordAsync(Entry(1, body: "Basra Najaf", status: ArticleStatus.Completed) with { Version = 5 });
            Assert.Equal([IdOf(1)], await ListAsync(Index, search: "najaf"));
            await otherSilo.RecordAsync(Entry(1, body: "Karbala", status: ArticleStatus.Failed) with { Version = 6 });
            Assert.Equal(ArticleStatus.Failed, (await Index.ListAsync(new ArticleListQuery())).Items.Single().Status);
            Assert.Equal([IdOf(1)], await ListAsync(Index, search: "karbala"));
            Assert.Empty(await ListAsync(Index, search: "najaf"));
        }
        finally
        {
            await CloseAsync(otherSilo);
        }
    }

    private static async Task<List<string>> ListAsync(IArticleIndex index, string? search = null) =>
        [.. (await index.ListAsync(new ArticleListQuery(PageSize: 100, Search: search))).Items.Select(item => item.Id)];
}
