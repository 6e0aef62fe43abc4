using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Grid.Grains.Text;

/// <summary>Short, URL-safe, lower-case hex hashes for article ids and cache keys.</summary>
public static class ContentHash
{
    /// <summary>Hex characters in an id from <see cref="Of"/>: 64 bits, plenty for article ids.</summary>
    public const int IdLength = 16;

    /// <summary>Hex characters in a key from <see cref="Key"/>: 128 bits, because cache keys are many and live long.</summary>
    public const int KeyLength = 32;

    /// <summary>
    /// The id of a text: the first 16 hex characters of SHA-256 over <see cref="TextNormalizer.ForHashing"/>
    /// as UTF-8, so copies differing only in whitespace, invisible characters, tatweel, diacritics or
    /// Latin case get the same id.
    /// </summary>
    public static string Of(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(TextNormalizer.ForHashing(text)));
        return Convert.ToHexStringLower(digest.AsSpan(0, IdLength / 2));
    }

    /// <summary>
    /// A composite key: the first 32 hex characters of SHA-256 over the parts, taken verbatim (normalize
    /// text parts first, e.g. with <see cref="TextNormalizer.ForHashing"/>). Each part is prefixed by its
    /// byte length, so no choice of part contents can make two different part lists collide.
    /// </summary>
    public static string Key(params ReadOnlySpan<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            var bytes = Encoding.UTF8.GetBytes(part);
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, KeyLength / 2));
    }
}
