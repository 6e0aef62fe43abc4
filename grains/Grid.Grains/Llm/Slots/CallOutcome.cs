namespace Grid.Grains.Llm.Slots;

/// <summary>What a call made with a slot said about the endpoint, for its circuit breaker.</summary>
[GenerateSerializer, Alias("grid.call-outcome")]
public enum CallOutcome
{
    /// <summary>The endpoint answered (even if the answer was then judged unusable, or the request was refused with 400).</summary>
    Answered = 0,

    /// <summary>The endpoint failed: refused the connection, timed out, answered 5xx, or broke the stream.</summary>
    Failed = 1,

    /// <summary>No verdict: the slot was not used, or the caller gave up first.</summary>
    Unused = 2,
}
