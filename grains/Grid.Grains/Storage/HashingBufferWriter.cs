using System.Buffers;
using System.IO.Hashing;

namespace Grid.Grains.Storage;

/// <summary>Hashes what a serializer writes into it, keeping none of it: a fingerprint of a state without a copy of the state.</summary>
public sealed class HashingBufferWriter : IBufferWriter<byte>, IDisposable
{
    private readonly XxHash128 _hash = new();
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(4096);

    public UInt128 Hash => _hash.GetCurrentHashAsUInt128();

    public void Advance(int count) => _hash.Append(_scratch.AsSpan(0, count));

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private byte[] Scratch(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(sizeHint);
        }
        return _scratch;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_scratch);
}
