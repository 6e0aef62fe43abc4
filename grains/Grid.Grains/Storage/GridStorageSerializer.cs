using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>
/// The grain storage serializer of every Grid storage provider (SQLite, PostgreSQL, Redis, Memory): Orleans' JSON
/// settings (its converters for GrainId and the like, its type binder, defaults left out) with two differences in what
/// it writes. A <c>$type</c> is written only where the runtime type differs from the declared one (Orleans names every
/// object and collection), and no <c>$id</c>: no stored state shares one mutable instance between two members
/// (checked in StoredStateLinesTests), so a state reads back the same without reference tracking. It writes UTF-8
/// straight into a pooled buffer, never through a UTF-16 string.
/// Reads take what Orleans' serializer wrote as well: Json.NET follows <c>$type</c>, <c>$values</c>, <c>$id</c> and
/// <c>$ref</c> whatever the settings say about writing them. A silo still on Orleans' serializer reads these lines too
/// (a missing <c>$type</c> means the declared type, which is what was written), except an article's, which leaves out
/// what it repeats (ArticleState.Stored.cs) and needs the code that puts it back.
/// </summary>
public sealed class GridStorageSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializer _json;

    /// <param name="orleans">Orleans' JSON settings as the silo configured them (with its converters); copied, never changed.</param>
    public GridStorageSerializer(IOptions<OrleansJsonSerializerOptions> orleans)
    {
        var settings = new JsonSerializerSettings(orleans.Value.JsonSerializerSettings);
        settings.TypeNameHandling = TypeNameHandling.Auto;
        settings.PreserveReferencesHandling = PreserveReferencesHandling.None;
        _json = JsonSerializer.Create(settings);
    }

    public BinaryData Serialize<T>(T? input)
    {
        using var utf8 = new PooledUtf8Writer();
        using (var writer = new JsonTextWriter(utf8) { ArrayPool = PooledJsonChars.Instance, CloseOutput = false })
            _json.Serialize(writer, input, typeof(T));
        return new BinaryData(utf8.ToArray());
    }

    public T? Deserialize<T>(BinaryData input)
    {
        using var text = new StreamReader(input.ToStream(), PooledUtf8Writer.Utf8, detectEncodingFromByteOrderMarks: true);
        using var reader = new JsonTextReader(text) { ArrayPool = PooledJsonChars.Instance };
        return _json.Deserialize<T>(reader);
    }
}
