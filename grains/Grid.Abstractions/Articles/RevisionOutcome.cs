namespace Grid.Abstractions.Articles;

/// <summary>What became of a new text for an existing article (<see cref="IArticleGrain.UpdateAsync"/>).</summary>
[GenerateSerializer, Alias("grid.revision-outcome")]
public enum RevisionOutcome
{
    /// <summary>Stored as the next revision; its work has started.</summary>
    Created = 0,
    /// <summary>The text (with its title, glossary and mode) is the newest revision's: nothing new was made.</summary>
    Unchanged = 1,
    /// <summary>No article has the id: an update never creates one (submit it instead).</summary>
    NotFound = 2,
    /// <summary>The text was refused (see the receipt's rejection); the article is as it was.</summary>
    Refused = 3,
    /// <summary>The article is still fetching its page: there is no text yet to revise.</summary>
    Busy = 4,
}
