using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests.Storage;

/// <summary>Orleans' grain storage serializer (what Grid stored with before its own) and Grid's, and the lines kept in Stored/.</summary>
internal static class StoredStateLines
{
    private static readonly IServiceProvider Services = Build();

    /// <summary>Orleans' <see cref="JsonGrainStorageSerializer"/>, as a silo without Grid's registers it.</summary>
    public static IGrainStorageSerializer Orleans { get; } = ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(Services);

    public static IGrainStorageSerializer Grid { get; } = ActivatorUtilities.CreateInstance<Grid.Grains.Storage.GridStorageSerializer>(Services);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Storage", "Stored", $"{name}.json");

    public static BinaryData Line(string name) => new(File.ReadAllBytes(PathOf(name)));

    public static object? Read(IGrainStorageSerializer serializer, Type type, BinaryData line) =>
        typeof(IGrainStorageSerializer).GetMethod(nameof(IGrainStorageSerializer.Deserialize))!.MakeGenericMethod(type).Invoke(serializer, [line]);

    public static BinaryData Write(IGrainStorageSerializer serializer, Type type, object state) =>
        (BinaryData)typeof(IGrainStorageSerializer).GetMethod(nameof(IGrainStorageSerializer.Serialize))!.MakeGenericMethod(type).Invoke(serializer, [state])!;

    private static ServiceProvider Build()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        return services.BuildServiceProvider();
    }
}
