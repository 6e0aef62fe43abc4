using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Grid.Grains.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>Feed options (validated at start) and the fetcher; reminders may tick as often as <see cref="FeedOptions.ReminderPeriod"/>.</summary>
    public static IServiceCollection AddGridFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>();
        services.AddSingleton<FeedFetcher>();
        services.AddOptions<ReminderOptions>().Configure<IOptions<FeedOptions>>((reminders, feeds) =>
            reminders.MinimumReminderPeriod = feeds.Value.ReminderPeriod < reminders.MinimumReminderPeriod ? feeds.Value.ReminderPeriod : reminders.MinimumReminderPeriod);
        return services;
    }

    /// <summary>The sweep that wakes every feed when a silo starts; on every silo.</summary>
    public static IServiceCollection AddFeedSweep(this IServiceCollection services) =>
        services.AddHostedService<FeedSweepService>();
}
