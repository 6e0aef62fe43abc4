namespace Grid.Grains.Limits;

/// <summary>Requests counted in the current window, and when it ends.</summary>
[GenerateSerializer, Immutable, Alias("grid.request-count")]
public sealed record RequestCount([property: Id(0)] int Count, [property: Id(1)] DateTimeOffset WindowEnds);
