using System.Security.Cryptography;
using System.Text;

namespace Grid.Grains.Webhooks;

/// <summary>The <c>X-Grid-Signature</c> value: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body.</summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
