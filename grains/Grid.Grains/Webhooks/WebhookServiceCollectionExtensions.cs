using Grid.Grains.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Webhook options (validated at start), the guarded client they are sent with, and the checks of a callback URL.</summary>
    public static IServiceCollection AddGridWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGridOutbound(configuration);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<CallbackUrlCheck>();
        return services;
    }

    /// <summary>The sweep that sends deliveries a crash interrupted; on every silo, beside the article watchdog.</summary>
    public static IServiceCollection AddWebhookSweep(this IServiceCollection services) =>
        services.AddHostedService<WebhookSweepService>();
}
