using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>An article as the index keeps it: its line in the list, and what a search looks through.</summary>
/// <param name="Item">The list line, replaced whole on every record.</param>
/// <param name="Text">The searchable text; null when it has not changed since the article last recorded it (progress alone changed).</param>
/// <param name="Version">
/// The article's index version (raised with each write of its state that changes its list line): a record replaces the stored one only when its version is at least
/// the stored one's, so a record made for an older state (by a silo whose write came late) never overwrites a newer one.
/// </param>
public sealed record ArticleIndexEntry(ArticleListItem Item, ArticleSearchText? Text, long Version = 0);
