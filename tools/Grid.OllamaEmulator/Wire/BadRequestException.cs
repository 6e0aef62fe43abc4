namespace Grid.OllamaEmulator.Wire;

/// <summary>A request Ollama would refuse with 400; the message becomes the <c>error</c> body.</summary>
internal sealed class BadRequestException(string message) : Exception(message);
