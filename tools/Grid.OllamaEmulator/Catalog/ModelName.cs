namespace Grid.OllamaEmulator.Catalog;

/// <summary>Ollama's naming rule: a model name without a tag means the <c>latest</c> tag.</summary>
internal static class ModelName
{
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        var lastSegment = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return lastSegment.Contains(':') ? trimmed : trimmed + ":latest";
    }
}
