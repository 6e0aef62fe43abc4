using Grid.Grains.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Tests.Translation;

/// <summary><c>Grid:Translation</c> as the silo binds it (<c>AddGridGrains</c>): the sentence memory's switch and what it means with the context in the key.</summary>
public sealed class TranslationOptionsTests
{
    [Fact]
    public void TheSentenceMemoryIsOnByDefaultButUsedOnlyWithoutTheContextInTheCacheKey()
    {
        var defaults = Bound();

        Assert.True(defaults.SentenceMemory);
        Assert.True(defaults.ContextInCacheKey);
        Assert.False(defaults.UsesSentenceMemory);
        Assert.True(Bound(("ContextInCacheKey", "false")).UsesSentenceMemory);
        Assert.False(Bound(("ContextInCacheKey", "false"), ("SentenceMemory", "false")).UsesSentenceMemory);
    }

    [Fact]
    public void AValueThatIsNotABooleanStopsTheStartNamingTheKey()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Bound(("SentenceMemory", "sometimes")));

        Assert.Contains("Grid:Translation:SentenceMemory", refused.Message);
    }

    private static TranslationOptions Bound(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create($"{TranslationOptions.Section}:{setting.Key}", (string?)setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGridGrains(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TranslationOptions>>().Value;
    }
}
