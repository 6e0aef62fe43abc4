namespace Grid.Grains.Outbound;

/// <summary>Reads a response body made for a caller, up to a limit: a page or a feed bigger than that is never held whole.</summary>
public static class CappedBody
{
    /// <returns>The body, or null as soon as it passes <paramref name="limit"/> bytes.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
