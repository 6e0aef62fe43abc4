namespace Grid.Grains.Llm;

/// <summary>Names under which the LLM boundary reports traces and metrics.</summary>
public static class GridLlmTelemetry
{
    public const string SourceName = "Grid.Llm";
}
