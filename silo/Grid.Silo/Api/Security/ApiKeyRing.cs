using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.Security;

/// <summary>
/// The configured API keys, kept as SHA-256 hashes. A presented key is hashed and compared with
/// every one in constant time, so neither the time taken nor an early exit tells how close a guess
/// was; comparing hashes also keeps the key's length out of the timing.
/// </summary>
public sealed class ApiKeyRing(IOptions<ApiOptions> options)
{
    private readonly byte[][] _hashes = [.. options.Value.Keys.Select(key => Hash(key.Trim()))];

    /// <summary>No keys are configured: the API is open to whoever can reach it.</summary>
    public bool IsOpen => _hashes.Length == 0;

    public int Count => _hashes.Length;

    /// <summary>The name of the key (<c>key-1</c>, <c>key-2</c>... in configuration order), never the key itself; null when it matches none.</summary>
    public string? Identify(string presented)
    {
        var hash = Hash(presented);
        var match = -1;
        for (var i = 0; i < _hashes.Length; i++)
            match = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]) ? i : match;
        return match < 0 ? null : $"key-{match + 1}";
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
