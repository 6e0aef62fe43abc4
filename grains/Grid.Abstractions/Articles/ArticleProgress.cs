using System.Text.Json.Serialization;

namespace Grid.Abstractions.Articles;

/// <summary>A cheap snapshot of how far an article has come; its JSON is the data of a progress event (<c>{ id, status, progress, failure }</c>).</summary>
/// <param name="AwaitsBackend">Finished with parts a backend outage left untranslated: the watchdog re-drives it once a backend is usable. The watchdog's own business, not on the wire.</param>
/// <remarks>Ids 2 and 3 were the two counts before <see cref="Progress"/>: never reused.</remarks>
[GenerateSerializer, Immutable, Alias("grid.article-progress")]
public sealed record ArticleProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] ArticleStatus Status,
    [property: Id(6)] ChunkProgress Progress,
    [property: Id(4)] string? Failure = null,
    [property: Id(5), JsonIgnore] bool AwaitsBackend = false)
{
    [JsonIgnore]
    public bool IsFinished => Status is ArticleStatus.Completed or ArticleStatus.Failed;
}
