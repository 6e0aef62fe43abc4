namespace Grid.Grains.Llm.Slots;

/// <summary>Whether an endpoint is in rotation.</summary>
[GenerateSerializer, Alias("grid.circuit-state")]
public enum CircuitState
{
    /// <summary>In rotation.</summary>
    Closed = 0,

    /// <summary>Out of rotation after failing again and again, until a trial call is due.</summary>
    Open = 1,

    /// <summary>One trial call decides whether the endpoint comes back.</summary>
    HalfOpen = 2,
}
