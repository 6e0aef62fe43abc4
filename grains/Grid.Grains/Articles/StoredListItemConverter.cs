using Grid.Abstractions.Articles;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Grid.Grains.Articles;

/// <summary>
/// Reads the catalog's stored lines (Orleans' JSON storage serializer). A line stored before lines carried their
/// <see cref="ArticleListItem.Progress"/> has <c>ChunksDone</c> and <c>ChunksTotal</c> instead; it reads the same.
/// Lines are written as they are.
/// </summary>
internal sealed class StoredListItemConverter : JsonConverter<ArticleListItem>
{
    public override bool CanWrite => false;

    public override ArticleListItem? ReadJson(JsonReader reader, Type objectType, ArticleListItem? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
            return null;
        var stored = JObject.Load(reader);
        var item = stored.ToObject<ArticleListItem>(serializer)
            ?? throw new JsonSerializationException("A catalog line reads as null.");
        return stored["Progress"] is null
            ? item with { Progress = new ChunkProgress(stored.Value<int>("ChunksDone"), stored.Value<int>("ChunksTotal")) }
            : item;
    }

    public override void WriteJson(JsonWriter writer, ArticleListItem? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Catalog lines are written by the serializer's own contract.");
}
