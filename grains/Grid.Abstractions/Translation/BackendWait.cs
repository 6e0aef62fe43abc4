namespace Grid.Abstractions.Translation;

/// <summary>Work that waits for a backend to take it: none reachable, all out of rotation, or answering "busy". Waiting spends no attempt.</summary>
/// <param name="Since">When the wait began.</param>
/// <param name="Reason">What the last try met, naming the backend.</param>
[GenerateSerializer, Immutable, Alias("grid.backend-wait")]
public sealed record BackendWait(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] string Reason);
