namespace Grid.OllamaEmulator;

/// <summary>The kinds of request counted in the stats, named after their route.</summary>
public static class RequestKinds
{
    public const string Root = "root";
    public const string Version = "version";
    public const string Tags = "tags";
    public const string Ps = "ps";
    public const string Show = "show";
    public const string Pull = "pull";
    public const string Chat = "chat";
    public const string Generate = "generate";

    /// <summary><c>POST /v1/chat/completions</c>, the OpenAI-compatible route.</summary>
    public const string OpenAIChat = "openai_chat";

    /// <summary><c>GET /v1/models</c>.</summary>
    public const string OpenAIModels = "openai_models";
}
