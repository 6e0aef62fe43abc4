using System.IO.Hashing;
using System.Text;

namespace Grid.Grains.Sweeps;

/// <summary>
/// The keys of a set of shard grains that every silo sweeps: an article goes to the shard a hash of its id names,
/// the same in every process. A key names its shard count too ("16/3"), so that the shards of a count used before
/// are still found after the count changes.
/// </summary>
public static class ShardKeys
{
    /// <summary>The most shards allowed: a sweep asks every one each period, on every silo.</summary>
    public const int Most = 1024;

    public static string Of(string articleId, int count) =>
        Key(count, (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(articleId)) % (ulong)count));

    public static IEnumerable<string> All(int count) => Enumerable.Range(0, count).Select(index => Key(count, index));

    private static string Key(int count, int index) => $"{count}/{index}";
}
