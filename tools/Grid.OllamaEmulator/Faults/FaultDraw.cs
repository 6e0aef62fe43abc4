namespace Grid.OllamaEmulator.Faults;

/// <summary>The faults one request got.</summary>
internal readonly record struct FaultDraw(bool Busy, bool Hang, bool MidstreamError, bool Truncate, bool Preamble, bool Untranslated, bool NameVariant, bool Stall = false, bool ObeyInjection = false, bool ObeyInjectionWhole = false)
{
    public static FaultDraw None => default;
}
