namespace Grid.OllamaEmulator;

/// <summary>The request <c>options</c> that matter to Grid, as received (null when not sent).</summary>
public sealed record RecordedOptions(int? NumCtx, double? Temperature, long? Seed, int? NumPredict);
