using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Webhooks;

/// <summary>One POST a receiver got: its Grid headers and the raw body, as a receiver would verify them.</summary>
internal sealed record WebhookCall(string? Signature, string? Delivery, string? Event, string? ContentType, byte[] Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>Checks the signature the way the README tells a receiver to: HMAC-SHA256 of the raw body, hex, compared in constant time.</summary>
    public bool IsSignedWith(string secret)
    {
        var expected = Encoding.ASCII.GetBytes("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body)));
        return Signature is not null && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Signature));
    }
}
