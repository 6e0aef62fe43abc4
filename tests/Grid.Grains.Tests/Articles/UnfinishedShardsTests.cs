using Grid.Grains.Articles;
using Grid.Grains.Text;

namespace Grid.Grains.Tests.Articles;

/// <summary>Which shard of the unfinished index an article is tracked in, and what shard counts are allowed.</summary>
public sealed class UnfinishedShardsTests
{
    [Fact]
    public void ArticlesSpreadEvenlyOverTheShardsAndEachAlwaysHasTheSameOne()
    {
        const int shards = 16, articles = 16_000;
        var ids = Enumerable.Range(0, articles).Select(i => ContentHash.Of($"مقال رقم {i}")).ToList();

        var perShard = ids.GroupBy(id => UnfinishedShards.KeyOf(id, shards)).ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(UnfinishedShards.All(shards).Order(), perShard.Keys.Order());
        Assert.All(perShard.Values, count => Assert.InRange(count, articles / shards * 8 / 10, articles / shards * 12 / 10));
        Assert.All(ids.Take(100), id => Assert.Equal(UnfinishedShards.KeyOf(id, shards), UnfinishedShards.KeyOf(id, shards)));
    }

    [Fact]
    public void AShardsKeyNamesItsCountSoThatShardsOfAnotherCountAreOthers()
    {
        Assert.StartsWith("16/", UnfinishedShards.KeyOf("an-article", 16));
        Assert.Equal("1/0", UnfinishedShards.KeyOf("an-article", 1));
        Assert.Empty(UnfinishedShards.All(16).Intersect(UnfinishedShards.All(8)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    [InlineData(1, true)]
    [InlineData(UnfinishedShards.Most, true)]
    [InlineData(UnfinishedShards.Most + 1, false)]
    public void TheShardCountIsValidatedAtStart(int shards, bool valid)
    {
        var result = new ArticleOptionsValidator().Validate(null, new ArticleOptions { UnfinishedShards = shards });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
            Assert.Contains("Grid:Articles:UnfinishedShards", result.FailureMessage);
    }
}
