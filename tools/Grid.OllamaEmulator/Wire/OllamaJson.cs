using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grid.OllamaEmulator.Wire;

/// <summary>
/// Writes Ollama's response objects byte for byte in its field order, with Go's conventions:
/// durations as integer nanoseconds, zero metrics omitted, RFC 3339 timestamps with trimmed fractions.
/// </summary>
internal static class OllamaJson
{
    public static readonly JsonSerializerOptions NodeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Error(string message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteEndObject();
    });

    public static byte[] Node(JsonNode node) => Write(writer => node.WriteTo(writer));

    /// <summary>One chat (<c>message</c>) or generate (<c>response</c>) object; metrics only on the last.</summary>
    public static byte[] Completion(string kind, string model, DateTimeOffset createdAt, string content, string? doneReason, CompletionMetrics? metrics) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("model", model);
            writer.WriteString("created_at", Timestamp(createdAt));
            if (kind == RequestKinds.Chat)
            {
                writer.WriteStartObject("message");
                writer.WriteString("role", "assistant");
                writer.WriteString("content", content);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteString("response", content);
            }
            writer.WriteBoolean("done", doneReason is not null);
            if (doneReason is not null)
                writer.WriteString("done_reason", doneReason);
            if (metrics is { } m)
            {
                WriteNanoseconds(writer, "total_duration", m.TotalDuration);
                WriteNanoseconds(writer, "load_duration", m.LoadDuration);
                WriteCount(writer, "prompt_eval_count", m.PromptEvalCount);
                WriteNanoseconds(writer, "prompt_eval_duration", m.PromptEvalDuration);
                WriteCount(writer, "eval_count", m.EvalCount);
                WriteNanoseconds(writer, "eval_duration", m.EvalDuration);
            }
            writer.WriteEndObject();
        });

    /// <summary>Go's RFC3339Nano: "2024-03-29T12:57:03.1234567Z", trailing zeros of the fraction dropped.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteNanoseconds(Utf8JsonWriter writer, string name, TimeSpan duration)
    {
        var nanoseconds = duration.Ticks * 100;
        if (nanoseconds > 0)
            writer.WriteNumber(name, nanoseconds);
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int count)
    {
        if (count > 0)
            writer.WriteNumber(name, count);
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
