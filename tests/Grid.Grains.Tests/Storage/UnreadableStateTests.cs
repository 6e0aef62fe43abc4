using System.Text.Json;
using Grid.Grains.Storage;
using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>Only a state whose bytes do not read is set aside; a store that cannot be reached never is.</summary>
public sealed class UnreadableStateTests
{
    public static TheoryData<string, Exception, bool> Failures() => new()
    {
        { "a JSON error", new JsonException("bad"), true },
        { "a JSON error inside a provider's own", new InvalidOperationException("read failed", new FormatException("bad")), true },
        { "Orleans' Redis storage naming Newtonsoft's error", new RedisStorageException("Failed to read grain state for x. Newtonsoft.Json.JsonReaderException: Invalid character"), true },
        { "Orleans' Redis storage naming a connection error", new RedisStorageException("Failed to read grain state for x. StackExchange.Redis.RedisConnectionException: No connection is active"), false },
        { "an I/O error", new IOException("disk gone"), false },
        { "a timeout around a JSON error", new TimeoutException("slow", new JsonException("bad")), false },
        { "a conflict", new InconsistentStateException("etag"), false },
        { "anything else", new InvalidOperationException("who knows"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsUnreadableOnlyWhenTheBytesDoNotRead(string what, Exception error, bool unreadable) =>
        Assert.True(UnreadableState.Is(error) == unreadable, what);

    /// <summary>Named as Orleans' Redis storage names its exception, which it does not make public.</summary>
    private sealed class RedisStorageException(string message) : Exception(message);
}
