using System.Collections.Immutable;

namespace Grid.Grains.Translation;

/// <summary>
/// What the sentence memory answers for one sentence of a paragraph an article asks about (<see cref="ISentenceTranslationGrain.ClaimAsync"/>):
/// its English (<see cref="ParagraphLookupKind.Cached"/>), a claim for the asking article, which translates the paragraph the sentence
/// is in (<see cref="ParagraphLookupKind.Yours"/>), or who translates it (<see cref="ParagraphLookupKind.Taken"/>) and for how long.
/// </summary>
/// <param name="ExpiresIn">How long the claim runs from the answer, added to the asker's own clock (as <see cref="ParagraphLookup.ExpiresIn"/>).</param>
/// <param name="ClaimedWith">
/// When <see cref="ParagraphLookupKind.Taken"/>: the keys of the sentences of the paragraph its claimant translates, which it
/// claims with this one, one after another; a sentence among them no one holds yet is the claimant's to translate all the same.
/// </param>
[GenerateSerializer, Immutable, Alias("grid.sentence-lookup")]
public sealed record SentenceLookup(
    [property: Id(0)] ParagraphLookupKind Kind,
    [property: Id(1)] string? English,
    [property: Id(2)] string? ClaimedBy,
    [property: Id(3)] TimeSpan ExpiresIn,
    [property: Id(4)] ImmutableArray<string> ClaimedWith = default)
{
    public static SentenceLookup Kept(string english) => new(ParagraphLookupKind.Cached, english, null, TimeSpan.Zero);

    public static SentenceLookup Yours(string article, TimeSpan expiresIn) => new(ParagraphLookupKind.Yours, null, article, expiresIn);

    public static SentenceLookup Taken(string claimant, TimeSpan expiresIn, ImmutableArray<string> claimedWith = default) =>
        new(ParagraphLookupKind.Taken, null, claimant, expiresIn, claimedWith);

    public static SentenceLookup Taken(ClaimHold<ImmutableArray<string>> hold) => Taken(hold.Claimant, hold.ExpiresIn, hold.Note);

    /// <summary>No one translates it, and no claim was taken (a look without claiming): the asker's paragraph is to be translated.</summary>
    public static SentenceLookup Free { get; } = new(ParagraphLookupKind.Yours, null, null, TimeSpan.Zero);
}
