using System.Buffers;
using System.Text;

namespace Grid.Grains.Storage;

/// <summary>
/// A <see cref="TextWriter"/> that encodes what it is given as UTF-8 into a buffer rented from the shared pool, grown
/// by renting a larger one: a state is written once as bytes, then copied once into an array of its exact size.
/// </summary>
internal sealed class PooledUtf8Writer : TextWriter
{
    // As Orleans' serializer encoded (Encoding.UTF8, no BOM): a lone surrogate in scraped text becomes U+FFFD, never a failed write.
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // The encoder keeps the first half of a surrogate pair that ends one write for the next.
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;
    /// <summary>The last char written was the first half of a surrogate pair, held by the encoder.</summary>
    private bool _pendingHalf;

    public override Encoding Encoding => Utf8;

    // Json.NET writes its punctuation a char at a time: ASCII goes in as it is.
    public override void Write(char value)
    {
        if (value < 0x80 && !_pendingHalf)
        {
            Reserve(1);
            _buffer[_length++] = (byte)value;
            return;
        }
        Write(new ReadOnlySpan<char>(in value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> chars)
    {
        Reserve(Utf8.GetMaxByteCount(chars.Length));
        _length += _encoder.GetBytes(chars, _buffer.AsSpan(_length), flush: false);
        if (!chars.IsEmpty)
            _pendingHalf = char.IsHighSurrogate(chars[^1]);
    }

    /// <summary>What was written, as an array of its own.</summary>
    public byte[] ToArray()
    {
        Reserve(Utf8.GetMaxByteCount(0));
        _length += _encoder.GetBytes([], _buffer.AsSpan(_length), flush: true);
        return _buffer.AsSpan(0, _length).ToArray();
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _length >= bytes)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
        base.Dispose(disposing);
    }
}
