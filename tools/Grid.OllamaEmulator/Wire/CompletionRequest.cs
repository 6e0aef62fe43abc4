using System.Text.Json.Nodes;

namespace Grid.OllamaEmulator.Wire;

/// <summary>A chat or generate request, reduced to what the emulator acts on and records.</summary>
internal sealed record CompletionRequest
{
    public required string Kind { get; init; }
    public required string Model { get; init; }

    /// <summary>The prompt as turns: chat messages, or system + prompt for generate.</summary>
    public required IReadOnlyList<ChatTurn> Turns { get; init; }

    public bool Stream { get; init; } = true;

    /// <summary>A JSON schema object, the string "json", or null for free text.</summary>
    public JsonNode? Format { get; init; }

    public RecordedOptions Options { get; init; } = new(null, null, null, null);
    public string? Think { get; init; }
    public string? KeepAliveText { get; init; }
    public TimeSpan? KeepAlive { get; init; }

    /// <summary>Chat with no messages or generate with no prompt: Ollama just loads the model.</summary>
    public bool IsLoadOnly => !Turns.Any(turn => turn.Role != "system");

    public bool ThinkRequested => Think is not null && Think != "false";

    public string? LastUserMessage => Turns.LastOrDefault(turn => turn.Role == "user")?.Content;

    /// <summary>The non-system turns before the last user message, joined by blank lines; null when there are none.</summary>
    public string? EarlierTurns
    {
        get
        {
            var last = Turns.ToList().FindLastIndex(turn => turn.Role == "user");
            var earlier = Turns.Take(Math.Max(0, last)).Where(turn => turn.Role != "system").Select(turn => turn.Content).ToList();
            return earlier.Count == 0 ? null : string.Join("\n\n", earlier);
        }
    }

    public string? System
    {
        get
        {
            var system = Turns.Where(turn => turn.Role == "system").Select(turn => turn.Content).ToList();
            return system.Count == 0 ? null : string.Join("\n\n", system);
        }
    }
}
