using Grid.Grains.Archive;
using Grid.Grains.Articles;
using Grid.Grains.Feeds;
using Grid.Grains.Glossary;
using Grid.Grains.Llm;
using Grid.Grains.Pages;
using Grid.Grains.Summaries;
using Grid.Grains.Translation;
using Grid.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grid.Grains;

public static class GridGrainsServiceCollectionExtensions
{
    /// <summary>The services the grains need: options (validated at start), the LLM gateway, the glossary extractor, the translator and the summarizer.</summary>
    public static IServiceCollection AddGridGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGridLlm(configuration);
        services.AddOptions<ArticleOptions>().Bind(configuration.GetSection(ArticleOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArticleOptions>, ArticleOptionsValidator>();
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        // The list in the catalog grain, unless the host keeps an index beside its storage (AddSqliteArticleIndex).
        // A factory, so that a container without Orleans (the LLM parts alone, in tests) still builds.
        services.TryAddSingleton<IArticleIndex>(provider => new CatalogArticleIndex(provider.GetRequiredService<IGrainFactory>()));

        services.AddOptions<TranslationOptions>().Bind(configuration.GetSection(TranslationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TranslationOptions>, TranslationOptionsValidator>();

        services.AddSingleton<ChunkTranslator>();
        services.AddSingleton<GlossaryExtractor>();
        services.AddSingleton<ArticleSummarizer>();
        services.AddGridWebhooks(configuration);
        services.AddGridPages(configuration);
        services.AddGridFeeds(configuration);
        return services;
    }

    /// <summary>The sweep that re-drives unfinished articles; on every silo, beside <see cref="AddGridGrains"/>.</summary>
    public static IServiceCollection AddArticleWatchdog(this IServiceCollection services) =>
        services.AddHostedService<ArticleWatchdogService>();
}
