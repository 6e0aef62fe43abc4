namespace Grid.OllamaEmulator.Wire;

/// <summary>One message of a chat request (or the system/prompt of a generate request).</summary>
internal sealed record ChatTurn(string Role, string Content);
