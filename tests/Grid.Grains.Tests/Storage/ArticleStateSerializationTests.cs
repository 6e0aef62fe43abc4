using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Tests.Articles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>
/// Orleans' grain storage serializer (JSON) fills properties that already hold an object in place.
/// An article's state read back must therefore start from objects of its own: a shared zero usage
/// would be overwritten by the first article read, and every new article would start from its figures.
/// </summary>
public sealed class ArticleStateSerializationTests
{
    [Fact]
    public void ReadingAnArticlesStateBackLeavesEveryOtherArticlesUsageAtZero()
    {
        var serializer = StorageSerializer();
        var state = new ArticleState();
        state.AddUsage(UsageStages.Translate, new LlmUsage(1, 780, 9, 68));

        var read = serializer.Deserialize<ArticleState>(serializer.Serialize(state));

        Assert.Equal(new LlmUsage(1, 780, 9, 68), read!.Usage);
        Assert.Equal(new LlmUsage(0, 0, 0, 0), new ArticleState().Usage);
        Assert.Equal(new LlmUsage(0, 0, 0, 0), LlmUsage.None);
    }

    /// <summary>
    /// The storage's JSON writes every public getter unless told not to: what the state computes (counts, the lane, the
    /// requests out, a unit's key) must stay out of it, as it costs every write its time and size, and the requests out
    /// would come back from it though they are the activation's own.
    /// </summary>
    [Fact]
    public void AnArticlesStoredJsonHoldsWhatItKeepsAndNothingItComputes()
    {
        var serializer = StorageSerializer();
        var article = PlannedArticles.Ready(PlannedArticles.Article(paragraphs: 4, title: "عنوان المقال"));
        var sent = article.Plan!.WorkToSend(maxOut: 2, askAgain: false);
        foreach (var item in sent)
            article.Record(item.Key, PlannedArticles.Answer(PlannedArticles.UnitOf(article, item), article.Payer(PlannedArticles.Id)), PlannedArticles.Id);
        Assert.Equal(2, article.Plan.RequestsOut.Count);
        Assert.NotNull(article.Plan.TitleEnglish);
        Assert.Equal(1, article.Plan.ChunksDone);

        var json = serializer.Serialize(article).ToString();
        var read = serializer.Deserialize<ArticleState>(serializer.Serialize(article))!;

        foreach (var computed in new[] { "Exists", "Finished", "Lane", "CurrentRevision", "OldestKeptRevision", "RequestsOut", "ChunksTotal", "ChunksDone", "TitleEnglish", "Entries", "HasBody", "IsTitle" })
            Assert.DoesNotContain($"\"{computed}\"", json, StringComparison.Ordinal);
        Assert.Equal(article.Plan.Units.Select(unit => unit.Key), read.Plan!.Units.Select(unit => unit.Key));
        Assert.Equal(article.Plan.ChunksDone, read.Plan.ChunksDone);
        Assert.Equal(article.Plan.TitleEnglish, read.Plan.TitleEnglish);
        Assert.Empty(read.Plan.RequestsOut);
    }

    private static IGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>();
    }
}
