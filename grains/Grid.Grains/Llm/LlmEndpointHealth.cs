namespace Grid.Grains.Llm;

/// <summary>What this silo's last check of an endpoint found.</summary>
/// <param name="Checked">False until the first check has ended.</param>
/// <param name="Warmed">The model was loaded with a long keep-alive (Ollama; an OpenAI-compatible server loads its model at start).</param>
/// <param name="Problem">What is wrong and how to fix it, or null.</param>
public sealed record LlmEndpointHealth(bool Checked, bool Reachable, bool ModelPresent, bool Warmed, string? Problem, DateTimeOffset? CheckedAt)
{
    public static LlmEndpointHealth NotChecked { get; } = new(false, false, false, false, null, null);

    /// <summary>Can take work, as far as this silo knows (an endpoint not checked yet is given the benefit of the doubt).</summary>
    public bool Usable => !Checked || (Reachable && ModelPresent);
}
