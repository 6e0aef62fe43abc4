using System.Buffers;
using Newtonsoft.Json;

namespace Grid.Grains.Storage;

/// <summary>Json.NET's reader and writer buffers, rented from the shared pool instead of allocated for each state.</summary>
internal sealed class PooledJsonChars : IArrayPool<char>
{
    public static readonly PooledJsonChars Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
            ArrayPool<char>.Shared.Return(array);
    }
}
