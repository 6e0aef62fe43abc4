namespace Grid.Grains.Outbound;

/// <summary>A request made on a caller's behalf was not sent: its target is an address Grid does not reach for callers.</summary>
public sealed class OutboundRefusedException(string message) : IOException(message)
{
    public static OutboundRefusedException For(string host, System.Net.IPAddress address, string refusal) =>
        new($"{host} resolves to {address}, which is {refusal}; Grid does not send requests made for callers there unless Grid:Outbound:AllowPrivateNetworks=true.");

    /// <summary>The refusal behind a failed request (HttpClient wraps what the connect callback threw), or null when it failed otherwise.</summary>
    public static OutboundRefusedException? Within(Exception error) =>
        error as OutboundRefusedException ?? (error.InnerException is { } inner ? Within(inner) : null);
}
