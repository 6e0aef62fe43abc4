namespace Grid.Grains.Text;

/// <summary>How <see cref="ArabicChunker"/> sizes chunks.</summary>
public sealed record ChunkingOptions
{
    /// <summary>The most estimated tokens of Arabic text in one chunk.</summary>
    public int MaxTokensPerChunk { get; init; } = 600;

    /// <summary>
    /// Characters per token used to estimate token counts; about 3 for Arabic with current
    /// multilingual tokenizers, lower is safer.
    /// </summary>
    public double CharsPerToken { get; init; } = 3.0;
}
