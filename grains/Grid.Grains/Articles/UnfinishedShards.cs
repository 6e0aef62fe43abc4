using System.IO.Hashing;
using System.Text;

namespace Grid.Grains.Articles;

/// <summary>
/// Where an unfinished article is tracked: one of <c>Grid:Articles:UnfinishedShards</c> shard grains, chosen by a
/// hash of its id that is the same in every process. A shard's key names its shard count too ("16/3"), so that
/// the shards of a count used before are still found after <c>UnfinishedShards</c> changes.
/// </summary>
public static class UnfinishedShards
{
    /// <summary>The most shards allowed: a sweep asks every one each period, on every silo.</summary>
    public const int Most = 1024;

    public static string KeyOf(string articleId, int count) =>
        Key(count, (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(articleId)) % (ulong)count));

    public static IEnumerable<string> All(int count) => Enumerable.Range(0, count).Select(index => Key(count, index));

    public static IUnfinishedArticleShardGrain Of(IGrainFactory grains, string articleId, int count) =>
        grains.GetGrain<IUnfinishedArticleShardGrain>(KeyOf(articleId, count));

    private static string Key(int count, int index) => $"{count}/{index}";
}
