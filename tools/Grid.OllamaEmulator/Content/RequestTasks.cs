namespace Grid.OllamaEmulator.Content;

/// <summary>What a chat/generate request asks for, as the emulator reads it from the prompt.</summary>
public static class RequestTasks
{
    /// <summary>Free text: translate the (delimited) last user message.</summary>
    public const string Translation = "translation";

    /// <summary>Free text whose last user message holds a <c>&lt;translation&gt;</c> block: review that translation.</summary>
    public const string Critique = "critique";

    /// <summary>Structured, with a system message that mentions a glossary: list the text's names and terms.</summary>
    public const string Glossary = "glossary";

    /// <summary>Any other structured request: a document matching the schema.</summary>
    public const string Structured = "structured";
}
