using Orleans.Concurrency;
namespace Grid.Abstractions.Translation;

/// <summary>
/// The translation of one chunk of text, keyed by a hash of everything its prompt holds (normalized
/// text, model, prompt version, glossary entries, context, mode).
/// It is the cluster-wide cache: the first request starts one LLM job, every later or concurrent
/// request for the same key shares it, and a finished key answers from state.
/// </summary>
[Alias("grid.IChunkTranslationGrain")]
public interface IChunkTranslationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the finished translation, or null after making sure the work is under way; the
    /// requesting article is called back with <c>OnChunkTranslatedAsync</c> when it ends.
    /// </summary>
    [Alias("start")]
    Task<ChunkTranslationResult?> StartAsync(ChunkTranslationRequest request);

    /// <summary>The finished translation, or null while it is pending or was never asked for.</summary>
    [Alias("result"), ReadOnly, AlwaysInterleave]
    Task<ChunkTranslationResult?> GetResultAsync();
}
