using System.Text.Json;
using System.Text.Json.Serialization;
using Grid.Abstractions.Articles;

namespace Grid.Cluster.Tests.Api;

/// <summary>
/// An article, a line of the list and a progress event are the contract's own records on the wire, each carrying the
/// one progress record (<see cref="ChunkProgress"/>) spelled the same, with the fields DESIGN.md §5 and the README name.
/// </summary>
public sealed class ProgressJsonTests
{
    private const string Progress = """{"chunksDone":3,"chunksTotal":4}""";

    /// <summary>As the silo writes its answers: camelCase, enums as camelCase words.</summary>
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private static readonly ArticleView View = new() { Id = "a1", Status = ArticleStatus.Translating, Progress = new(3, 4), Usage = new ArticleUsage(0, 0, 0, 0, 0, 0) };

    private static readonly ArticleListItem Item = new("a1", ArticleStatus.Translating, new(3, 4), null, null, DateTimeOffset.UnixEpoch, null, null);

    private static readonly ArticleProgress Snapshot = new("a1", ArticleStatus.Translating, new(3, 4), AwaitsBackend: true);

    [Fact]
    public void TheArticleTheListLineAndTheProgressEventCarryTheSameProgressObject()
    {
        Assert.Equal(Progress, Json(View).GetProperty("progress").GetRawText());
        Assert.Equal(Progress, Json(Item).GetProperty("progress").GetRawText());
        Assert.Equal(Progress, Json(Snapshot).GetProperty("progress").GetRawText());
    }

    [Fact]
    public void EachCarriesTheFieldsItHadBeforeItsResponseFileWasFoldedAndNoOther()
    {
        Assert.Equal(
            ["byline", "dateLine", "deliveries", "failure", "finishedAt", "glossary", "id", "missingParagraphs", "mode", "olderRevisions", "omitted", "paragraphs",
             "priority", "progress", "revision", "source", "status", "submittedAt", "summary", "title", "url", "usage", "waitingForBackend", "warnings"],
            Fields(View));
        Assert.Equal(["failure", "feed", "finishedAt", "id", "missingParagraphs", "progress", "source", "status", "submittedAt", "title"], Fields(Item));
        Assert.Equal(["failure", "id", "progress", "status"], Fields(Snapshot));
    }

    [Fact]
    public void WhatTheApiWritesTheHttpClientReadsBackAsTheSameRecords()
    {
        Assert.Equal(Item, JsonSerializer.Deserialize<ArticleListItem>(JsonSerializer.Serialize(Item, Api), Api));
        Assert.Equal(Snapshot with { AwaitsBackend = false }, JsonSerializer.Deserialize<ArticleProgress>(JsonSerializer.Serialize(Snapshot, Api), Api));
        Assert.Equal(View.Progress, JsonSerializer.Deserialize<ArticleView>(JsonSerializer.Serialize(View, Api), Api)!.Progress);
    }

    private static JsonElement Json<T>(T answer) => JsonSerializer.SerializeToElement(answer, Api);

    private static string[] Fields<T>(T answer) => [.. Json(answer).EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal)];
}
