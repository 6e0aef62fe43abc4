using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.Security;

/// <summary>Says once at start who the API answers and where, so that nobody has to guess why it cannot be reached, or that it can.</summary>
public sealed partial class ApiExposureNotice(ApiExposure exposure, ApiKeyRing keys, IOptions<ApiOptions> options, ILogger<ApiExposureNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = string.Join(", ", exposure.Urls);
        switch (exposure.Kind)
        {
            case ApiExposureKind.Keys:
                LogKeys(keys.Count, options.Value.RequestsPerMinute, urls);
                break;
            case ApiExposureKind.AnonymousRemote:
                LogAnonymousRemote(urls);
                break;
            case ApiExposureKind.LoopbackOnly when !exposure.Urls.SequenceEqual(exposure.ConfiguredUrls):
                LogMovedToLoopback(string.Join(", ", exposure.ConfiguredUrls), urls);
                break;
            default:
                LogLoopbackOnly(urls);
                break;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP API on {Urls}: every /api call needs one of the {Count} API keys in the X-Api-Key header; {PerMinute} calls a minute per key (0: no limit).")]
    private partial void LogKeys(int count, int perMinute, string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP API on {Urls} with no API keys and Grid:Api:AllowAnonymousRemote=true: anyone who can reach it can submit and delete articles.")]
    private partial void LogAnonymousRemote(string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP API on loopback only ({Urls}) instead of {Configured}: no API keys are configured (Grid:Api:Keys). Configure keys, or set Grid:Api:AllowAnonymousRemote=true to serve other machines without them.")]
    private partial void LogMovedToLoopback(string configured, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP API on loopback only ({Urls}): no API keys are configured (Grid:Api:Keys), so it answers this machine alone.")]
    private partial void LogLoopbackOnly(string urls);
}
