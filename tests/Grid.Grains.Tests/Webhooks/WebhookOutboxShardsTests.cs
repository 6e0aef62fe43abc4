using Grid.Grains.Text;
using Grid.Grains.Webhooks;

namespace Grid.Grains.Tests.Webhooks;

/// <summary>Which shard of the webhook outbox an article's pending deliveries are tracked in, and what shard counts are allowed.</summary>
public sealed class WebhookOutboxShardsTests
{
    [Fact]
    public void ArticlesSpreadEvenlyOverTheShardsAndEachAlwaysHasTheSameOne()
    {
        const int shards = 16, articles = 16_000;
        var ids = Enumerable.Range(0, articles).Select(i => ContentHash.Of($"مقال رقم {i}")).ToList();

        var perShard = ids.GroupBy(id => WebhookOutboxShards.KeyOf(id, shards)).ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(WebhookOutboxShards.All(shards).Order(), perShard.Keys.Order());
        Assert.All(perShard.Values, count => Assert.InRange(count, articles / shards * 8 / 10, articles / shards * 12 / 10));
        Assert.All(ids.Take(100), id => Assert.Equal(WebhookOutboxShards.KeyOf(id, shards), WebhookOutboxShards.KeyOf(id, shards)));
    }

    [Fact]
    public void AShardsKeyNamesItsCountSoThatShardsOfAnotherCountAreOthers()
    {
        Assert.StartsWith("16/", WebhookOutboxShards.KeyOf("an-article", 16));
        Assert.Equal("1/0", WebhookOutboxShards.KeyOf("an-article", 1));
        Assert.Empty(WebhookOutboxShards.All(16).Intersect(WebhookOutboxShards.All(8)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    [InlineData(1, true)]
    [InlineData(WebhookOutboxShards.Most, true)]
    [InlineData(WebhookOutboxShards.Most + 1, false)]
    public void TheShardCountIsValidatedAtStart(int shards, bool valid)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { OutboxShards = shards });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
            Assert.Contains("Grid:Webhooks:OutboxShards", result.FailureMessage);
    }
}
