using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.LibreTranslate;

public static class LibreTranslateServiceCollectionExtensions
{
    /// <summary>The LibreTranslate-compatible endpoints' services: <c>Grid:Translate</c> (validated at start), their key and rate check, and the translator over the chunk grains.</summary>
    public static IServiceCollection AddGridLibreTranslate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TranslateOptions>().Bind(configuration.GetSection(TranslateOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TranslateOptions>, TranslateOptionsValidator>();
        services.AddSingleton<LibreTranslateAccess>();
        services.AddSingleton<PassageTranslator>();
        return services;
    }
}
