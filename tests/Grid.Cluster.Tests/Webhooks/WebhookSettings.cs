namespace Grid.Cluster.Tests.Webhooks;

/// <summary>Webhook settings of a node under test: a known secret and quick retries.</summary>
internal static class WebhookSettings
{
    public const string Secret = "test-webhook-secret-0123456789";

    public static Dictionary<string, string?> For(Uri emulator, bool allowPrivateNetworks)
    {
        var settings = GridSettings.For(emulator);
        settings["Grid:Webhooks:Secret"] = Secret;
        settings["Grid:Webhooks:RetryAfter"] = "00:00:00.200";
        settings["Grid:Outbound:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false";
        return settings;
    }
}
