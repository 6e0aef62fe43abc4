using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Grains.Storage;

/// <summary>Registers <see cref="GridStorageSerializer"/> as the silo's grain storage serializer.</summary>
public static class GridStorageSerializerServiceCollectionExtensions
{
    /// <summary>
    /// Every provider that takes Orleans' default serializer (its options' <c>GrainStorageSerializer</c> left unset) and
    /// Grid's SQLite provider get <see cref="GridStorageSerializer"/>. Orleans registers its own with TryAdd, so this wins
    /// whether it comes before or after the silo's defaults.
    /// </summary>
    public static IServiceCollection AddGridStorageSerializer(this IServiceCollection services) =>
        services.AddSingleton<IGrainStorageSerializer, GridStorageSerializer>();
}
