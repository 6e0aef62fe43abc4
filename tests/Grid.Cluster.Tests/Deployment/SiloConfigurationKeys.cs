using System.Collections;
using System.Reflection;
using Grid.Grains.Archive;
using Grid.Grains.Articles;
using Grid.Grains.Llm;
using Grid.Grains.Outbound;
using Grid.Grains.Translation;
using Grid.Grains.Webhooks;
using Grid.Silo.Api;
using Grid.Silo.Api.LibreTranslate;
using Grid.Silo.Hosting;

namespace Grid.Cluster.Tests.Deployment;

/// <summary>Every configuration key the silo binds, from its options classes: the list a deployment may use.</summary>
internal static class SiloConfigurationKeys
{
    /// <summary>Keys as patterns: a list's index is written <c>N</c> (<c>Grid:Llm:Endpoints:N:Url</c>).</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        [
            .. KeysOf(typeof(GridHostOptions), "Grid"),
            .. KeysOf(typeof(LlmOptions), LlmOptions.Section),
            .. KeysOf(typeof(ArticleOptions), ArticleOptions.Section),
            .. KeysOf(typeof(CatalogOptions), CatalogOptions.Section),
            .. KeysOf(typeof(ArchiveOptions), ArchiveOptions.Section),
            .. KeysOf(typeof(ApiOptions), ApiOptions.Section),
            .. KeysOf(typeof(TranslationOptions), TranslationOptions.Section),
            .. KeysOf(typeof(TranslateOptions), TranslateOptions.Section),
            .. KeysOf(typeof(WebhookOptions), WebhookOptions.Section),
            .. KeysOf(typeof(OutboundOptions), OutboundOptions.Section),
            .. KeysOf(typeof(Grid.Grains.Pages.PageOptions), Grid.Grains.Pages.PageOptions.Section),
            .. KeysOf(typeof(Grid.Grains.Feeds.FeedOptions), Grid.Grains.Feeds.FeedOptions.Section),
            "Urls",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The pattern of a concrete key: numeric segments become <c>N</c>.</summary>
    public static string PatternOf(string key) =>
        string.Join(':', key.Split(':').Select(segment => segment.All(char.IsAsciiDigit) ? "N" : segment));

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            var element = ElementType(property.PropertyType);
            if (element is not null && IsComplex(element))
                foreach (var inner in KeysOf(element, $"{key}:N"))
                    yield return inner;
            else if (IsComplex(property.PropertyType))
                foreach (var inner in KeysOf(property.PropertyType, key))
                    yield return inner;
            else
                yield return element is null ? key : $"{key}:N";
        }
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null : type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
}
