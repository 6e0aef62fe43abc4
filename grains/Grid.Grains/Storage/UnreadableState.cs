using System.Text;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// Tells a stored state that cannot be read (its bytes do not deserialize) from storage that cannot be
/// reached. Only the first is set aside: a row is never moved because a connection dropped.
/// </summary>
public static class UnreadableState
{
    public static bool Is(Exception error)
    {
        var chain = Chain(error).ToList();
        return !chain.Any(IsStorageTrouble) && chain.Any(IsContentTrouble);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
        }
    }

    // Orleans' Redis storage (10.4) keeps no inner exception: it writes the cause's type and message into its own
    // message ("… Newtonsoft.Json.JsonReaderException: …"), so for it the message is read for the same type names.
    private static readonly string[] ContentTypeNames = ["Newtonsoft.Json.", "System.Text.Json.JsonException", "Orleans.Serialization.", "System.FormatException", "System.InvalidCastException"];

    private static readonly string[] StorageTypeNames = ["StackExchange.Redis.", "System.TimeoutException", "System.Net.Sockets.", "System.IO.IOException", "System.OperationCanceledException", "System.ObjectDisposedException"];

    private static bool IsContentTrouble(Exception error) =>
        error is System.Text.Json.JsonException or FormatException or InvalidCastException or DecoderFallbackException or EndOfStreamException
        || NamespaceOf(error).StartsWith("Newtonsoft.Json", StringComparison.Ordinal)
        || NamespaceOf(error).StartsWith("Orleans.Serialization", StringComparison.Ordinal)
        || (IsFlattening(error) && ContentTypeNames.Any(error.Message.Contains));

    private static bool IsStorageTrouble(Exception error) =>
        error is InconsistentStateException or TimeoutException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException
        || (error is IOException && error is not EndOfStreamException)
        || NamespaceOf(error).StartsWith("StackExchange.Redis", StringComparison.Ordinal)
        || NamespaceOf(error).StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)
        || NamespaceOf(error).StartsWith("Npgsql", StringComparison.Ordinal)
        || (IsFlattening(error) && StorageTypeNames.Any(error.Message.Contains));

    private static bool IsFlattening(Exception error) => error.InnerException is null && error.GetType().Name == "RedisStorageException";

    private static string NamespaceOf(Exception error) => error.GetType().Namespace ?? "";
}
