using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Translation;

/// <summary>What every translation prompt carries besides the text: <c>Grid:Translation</c>.</summary>
public sealed class TranslationOptions
{
    public const string Section = "Grid:Translation";

    /// <summary>
    /// The cluster-wide glossary (<c>Grid:Translation:Glossary:N:Source</c>, <c>:English</c>, <c>:Kind</c>):
    /// house renderings that beat the extracted ones; a submission's own glossary beats these.
    /// </summary>
    public List<GlossaryTermOptions> Glossary { get; set; } = [];

    /// <summary>
    /// How much of the previous chunk's Arabic each chunk's prompt carries as context, in characters
    /// (cut back to a sentence or word boundary); 0 sends none. About 100 tokens by default: enough for
    /// the referent of a pronoun, cheap enough to keep the cost linear.
    /// </summary>
    public int ContextChars { get; set; } = 300;

    /// <summary>
    /// Whether the context is part of a chunk's cache key. Yes by default: a translation is reused only
    /// where it was made with the same text before it. No shares a paragraph between articles whatever
    /// precedes it (wire copy reused in many articles), at the price of reusing a translation made with
    /// another article's context. Yes also leaves the sentence memory unused (<see cref="SentenceMemory"/>): a paragraph
    /// put together from sentences translated in other paragraphs would break the promise of context-sensitive reuse.
    /// </summary>
    public bool ContextInCacheKey { get; set; } = true;

    /// <summary>
    /// Whether the sentence memory is used (<c>Grid:Translation:SentenceMemory</c>). Yes by default: each accepted
    /// paragraph's sentences are kept with their English (when the Arabic and the English have as many sentences), and a
    /// paragraph the paragraph cache misses is served without an LLM call when every one of its sentences is kept and
    /// the joined English renders the article's glossary entries. Used only where <see cref="ContextInCacheKey"/> is false.
    /// </summary>
    public bool SentenceMemory { get; set; } = true;

    /// <summary>The sentence memory is used: turned on, and no context in the cache keys.</summary>
    public bool UsesSentenceMemory => SentenceMemory && !ContextInCacheKey;

    /// <summary>The configured glossary as entries, tidied as every glossary is.</summary>
    public ImmutableArray<GlossaryEntry> ConfiguredGlossary() =>
        [.. Glossary.Select(term => GlossaryRules.Tidy(new GlossaryEntry(term.Source, term.English, term.Kind), GlossaryOrigin.Configuration))];
}
