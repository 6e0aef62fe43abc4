using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
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

    private static IGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>();
    }
}
