namespace Grid.Grains.Translation;

/// <summary>What the paragraph cache answers an article that asks for a paragraph (<see cref="IParagraphTranslationGrain.ClaimAsync"/>).</summary>
public enum ParagraphLookupKind
{
    /// <summary>The English is kept: fill the paragraph with it.</summary>
    Cached,

    /// <summary>No one translates it: the asking article now does (it holds the claim until <see cref="ParagraphLookup.ExpiresIn"/> has passed, unless it renews it).</summary>
    Yours,

    /// <summary>Another article translates it: wait for its English, at most until the claim expires.</summary>
    Taken,
}

/// <param name="Translation">The English, when <see cref="ParagraphLookupKind.Cached"/>.</param>
/// <param name="ClaimedBy">The article that holds the claim: the asker when <see cref="ParagraphLookupKind.Yours"/>.</param>
/// <param name="ExpiresIn">
/// How long the claim runs from the moment of the answer. Relative, not a point in time: the asker adds
/// it to its own clock, so a silo whose clock runs behind the cache's never waits on a claim that has lapsed.
/// </param>
/// <param name="WaitOn">
/// When <see cref="ParagraphLookupKind.Taken"/> because of the sentence memory: the key of the sentence (another article
/// translates it) whose English the paragraph waits for; the article is told when it settles and asks again. Null for a paragraph's claim.
/// </param>
[GenerateSerializer, Immutable, Alias("grid.paragraph-lookup")]
public sealed record ParagraphLookup(
    [property: Id(0)] ParagraphLookupKind Kind,
    [property: Id(1)] ParagraphTranslation? Translation,
    [property: Id(2)] string? ClaimedBy,
    [property: Id(3)] TimeSpan ExpiresIn,
    [property: Id(4)] string? WaitOn = null)
{
    public static ParagraphLookup Cached(ParagraphTranslation translation) => new(ParagraphLookupKind.Cached, translation, null, TimeSpan.Zero);

    public static ParagraphLookup Yours(string article, TimeSpan expiresIn) => new(ParagraphLookupKind.Yours, null, article, expiresIn);

    public static ParagraphLookup Taken(string claimant, TimeSpan expiresIn) => new(ParagraphLookupKind.Taken, null, claimant, expiresIn);
}
