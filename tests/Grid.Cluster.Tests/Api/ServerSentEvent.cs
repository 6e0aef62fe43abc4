using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Api;

/// <summary>One event of a <c>text/event-stream</c>, its data parsed as JSON.</summary>
internal sealed record ServerSentEvent(string Type, string? Id, JsonNode? Data)
{
    /// <summary>Reads every event until the server ends the stream.</summary>
    public static async Task<List<ServerSentEvent>> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        var events = new List<ServerSentEvent>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
            events.Add(new ServerSentEvent(item.EventType, item.EventId, JsonNode.Parse(item.Data)));
        return events;
    }
}
