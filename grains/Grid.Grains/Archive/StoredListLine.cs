using System.Text.Json;
using Grid.Abstractions.Articles;

namespace Grid.Grains.Archive;

/// <summary>
/// A list line as the article indexes keep it (a row's JSON, <see cref="IndexPage.Json"/>). A row written before lines
/// carried their <see cref="ArticleListItem.Progress"/> has the two counts at its top level instead; it reads the same.
/// </summary>
internal static class StoredListLine
{
    public static ArticleListItem Read(string json)
    {
        using var row = JsonDocument.Parse(json);
        var item = row.RootElement.Deserialize<ArticleListItem>(IndexPage.Json)
            ?? throw new JsonException("An article index row holds null where its list line should be.");
        // The old row's "chunksDone" and "chunksTotal" are exactly a ChunkProgress's members, one level up.
        return row.RootElement.TryGetProperty("progress", out _) ? item : item with { Progress = row.RootElement.Deserialize<ChunkProgress>(IndexPage.Json)! };
    }
}
