using System.Net;

namespace Grid.Silo.Api.Security;

/// <summary>
/// Without API keys the API answers anyone who reaches it, so unless
/// <c>Grid:Api:AllowAnonymousRemote</c> says otherwise it listens on loopback only: every address
/// in <c>Urls</c> (or <c>ASPNETCORE_HTTP_PORTS</c>) that is not loopback is moved to 127.0.0.1 on the
/// same port. The decision is kept for <see cref="ApiExposureNotice"/> to say at start.
/// </summary>
public static class LoopbackBinding
{
    public static ApiExposure Apply(WebApplicationBuilder builder, ApiOptions options)
    {
        var configured = ConfiguredUrls(builder.Configuration);
        if (options.Keys.Length > 0)
            return new ApiExposure(ApiExposureKind.Keys, configured, configured);
        if (options.AllowAnonymousRemote)
            return new ApiExposure(ApiExposureKind.AnonymousRemote, configured, configured);

        var remoteEndpoint = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).FirstOrDefault(url => url is not null && !IsLoopback(url));
        if (remoteEndpoint is not null)
            throw new InvalidOperationException(
                $"Invalid Grid configuration:\n  Kestrel:Endpoints listens on {remoteEndpoint} but Grid:Api:Keys is empty: configure API keys, or set Grid:Api:AllowAnonymousRemote=true to serve other machines without keys.");

        var loopback = configured.Select(ToLoopback).ToArray();
        if (!loopback.SequenceEqual(configured))
            builder.WebHost.UseUrls(loopback);
        return new ApiExposure(ApiExposureKind.LoopbackOnly, configured, loopback);
    }

    /// <summary>What Kestrel would listen on: <c>urls</c>, else the <c>http_ports</c>/<c>https_ports</c> of container images, else its own default.</summary>
    private static string[] ConfiguredUrls(IConfiguration configuration)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ports = Ports(configuration["http_ports"], "http").Concat(Ports(configuration["https_ports"], "https")).ToArray();
        return ports.Length > 0 ? ports : ["http://localhost:5000"];
    }

    private static IEnumerable<string> Ports(string? ports, string scheme) =>
        (ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{scheme}://*:{port}");

    private static string ToLoopback(string url)
    {
        if (IsLoopback(url))
            return url;
        var address = BindingAddress.Parse(url);
        return $"{address.Scheme}://127.0.0.1:{address.Port}{address.PathBase}";
    }

    private static bool IsLoopback(string url)
    {
        var host = BindingAddress.Parse(url).Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
