using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Silo.Api;

namespace Grid.Cluster.Tests.Api;

/// <summary>An article, a line of the list and a progress event carry one progress record (<see cref="ChunkProgress"/>), spelled the same on the wire.</summary>
public sealed class ProgressJsonTests
{
    private const string Progress = """{"chunksDone":3,"chunksTotal":4}""";

    [Fact]
    public void TheArticleTheListLineAndTheProgressEventCarryTheSameProgressObject()
    {
        var view = new ArticleView { Id = "a1", Status = ArticleStatus.Translating, ChunksDone = 3, ChunksTotal = 4, Usage = new ArticleUsage(0, 0, 0, 0, 0, 0) };
        var item = new ArticleListItem("a1", ArticleStatus.Translating, 3, 4, null, null, DateTimeOffset.UnixEpoch, null, null);
        var progress = new ArticleProgress("a1", ArticleStatus.Translating, 3, 4);

        Assert.Equal(Progress, ProgressOf(ArticleResponse.From(view)));
        Assert.Equal(Progress, ProgressOf(ArticleListItemResponse.From(item)));
        Assert.Equal(Progress, ProgressOf(ArticleProgressEvent.From(progress)));
    }

    private static string ProgressOf<T>(T answer) =>
        JsonSerializer.SerializeToElement(answer, JsonSerializerOptions.Web).GetProperty("progress").GetRawText();
}
