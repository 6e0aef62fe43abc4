namespace Grid.OllamaEmulator.Faults;

/// <summary>
/// A seeded random source for faults. Every request rolls every die, whatever the probabilities,
/// so the sequence of draws depends only on the seed and the order of requests.
/// </summary>
internal sealed class FaultDice(EmulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(options.Seed);

    /// <summary>The dice added after the first ones roll apart, so that adding them left the older faults' draws as they were.</summary>
    private readonly Random _injectionRandom = new(unchecked(options.Seed + 1_000_003));

    public FaultDraw Roll(RuntimeSettings settings)
    {
        lock (_gate)
        {
            return new FaultDraw(
                Busy: _random.NextDouble() < settings.FaultBusy,
                Hang: _random.NextDouble() < settings.FaultHang,
                MidstreamError: _random.NextDouble() < settings.FaultMidstreamError,
                Truncate: _random.NextDouble() < settings.FaultTruncate,
                Preamble: _random.NextDouble() < settings.FaultPreamble,
                Untranslated: _random.NextDouble() < settings.FaultUntranslated,
                NameVariant: _random.NextDouble() < settings.FaultNameVariant,
                Stall: _random.NextDouble() < settings.FaultStall,
                ObeyInjection: _injectionRandom.NextDouble() < settings.FaultObeyInjection,
                ObeyInjectionWhole: _injectionRandom.NextDouble() < settings.FaultObeyInjectionWhole);
        }
    }
}
