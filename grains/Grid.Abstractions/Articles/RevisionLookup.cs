namespace Grid.Abstractions.Articles;

/// <summary>The answer to a request for one revision of an article.</summary>
/// <param name="Revision">The revision asked for; null when there is none by that number (or no article).</param>
/// <param name="Latest">The article's newest revision; 0 when no article has the id.</param>
/// <param name="OldestKept">The oldest revision still kept: one older than this existed but was dropped (<c>Grid:Articles:MaxRevisions</c>).</param>
[GenerateSerializer, Immutable, Alias("grid.revision-lookup")]
public sealed record RevisionLookup(
    [property: Id(0)] ArticleRevision? Revision,
    [property: Id(1)] int Latest,
    [property: Id(2)] int OldestKept)
{
    public static readonly RevisionLookup NoArticle = new(null, 0, 0);

    /// <summary>The number named a revision that existed and was dropped to keep the article's revisions bounded.</summary>
    public bool Dropped(int revision) => Revision is null && revision >= 1 && revision < OldestKept;
}
