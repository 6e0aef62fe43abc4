using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>An article as the index keeps it: its line in the list, and what a search looks through.</summary>
/// <param name="Item">The list line, replaced whole on every record.</param>
/// <param name="Text">The searchable text; null when it has not changed since the article last recorded it (progress alone changed).</param>
public sealed record ArticleIndexEntry(ArticleListItem Item, ArticleSearchText? Text);
