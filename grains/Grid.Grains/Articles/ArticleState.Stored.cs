using System.Runtime.Serialization;
using Grid.Grains.Text;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// How the state is stored: the parsed article without its paragraphs when the plan holds the same ones (always, for a
/// state with a plan), put back from the plan as the state is read; the plan's units likewise
/// (ArticlePlan.Stored.cs). A line stored before carries them and reads as it is. A silo on code from before this
/// cannot read a line stored so (its parsed article would have no paragraphs): a rolling upgrade must not let an
/// older silo activate an article a newer one wrote.
/// </summary>
public sealed partial class ArticleState
{
    [JsonProperty(nameof(Parsed))]
    private ParsedArticle? StoredParsed
    {
        get => Parsed is { } parsed && Plan is { } plan && SameParagraphs(parsed, plan) ? parsed with { Paragraphs = default } : Parsed;
        set => Parsed = value;
    }

    [OnDeserialized]
    private void PutBackParsedParagraphs(StreamingContext context)
    {
        if (Parsed is { Paragraphs.IsDefault: true } parsed && Plan is { } plan)
            Parsed = parsed with { Paragraphs = plan.Paragraphs };
    }

    // The plan is made from the parsed paragraphs, and a state read back gets them from the plan: mostly one array.
    private static bool SameParagraphs(ParsedArticle parsed, ArticlePlan plan) =>
        !parsed.Paragraphs.IsDefault && !plan.Paragraphs.IsDefault
        && (parsed.Paragraphs == plan.Paragraphs || parsed.Paragraphs.SequenceEqual(plan.Paragraphs, StringComparer.Ordinal));
}
