using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// The paragraph cache, one grain per <see cref="ParagraphKey"/>, under the chunk cache: once a chunk's
/// answer is accepted, each of its paragraphs' English is kept here, so another article (on any silo,
/// after any restart) fills that paragraph before it packs its chunks, whatever chunk it would fall in.
/// </summary>
[Alias("grid.IParagraphTranslationGrain")]
public interface IParagraphTranslationGrain : IGrainWithStringKey
{
    /// <summary>The paragraph's English, or null when no accepted answer has given it yet.</summary>
    [Alias("get"), ReadOnly, AlwaysInterleave]
    Task<ParagraphTranslation?> GetAsync();

    /// <summary>Keeps the English unless some is kept already (the first accepted answer stays, as in the chunk cache).</summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(ParagraphTranslation translation);
}
