namespace Grid.Silo.Hosting.Postgres;

/// <summary>
/// A grain's key as Orleans' ADO.NET grain storage writes it into <c>OrleansStorage</c>: a Guid key as its two halves,
/// an integer key in <c>N1</c>, each with its extension; any other key as a string with both numbers 0.
/// </summary>
public readonly record struct OrleansStorageKey(long N0, long N1, string? Extension)
{
    public static OrleansStorageKey Of(GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            var bytes = guid.ToByteArray();
            return new(BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension);
        }
        if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
            return new(0, integer, integerExtension);
        return new(0, 0, grainId.Key.ToString());
    }
}
