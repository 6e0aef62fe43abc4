using Grid.Grains.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Tests.Outbound;

/// <summary><c>Grid:Outbound</c> is bound and checked before anything starts, as every other options section is.</summary>
public sealed class OutboundOptionsValidatorTests
{
    private static readonly OutboundOptionsValidator Validator = new();

    [Fact]
    public void TheDefaultsAreValidAndKeepPrivateNetworksOut()
    {
        var defaults = new OutboundOptions();

        Assert.True(Validator.Validate(null, defaults).Succeeded);
        Assert.False(defaults.AllowPrivateNetworks);
    }

    [Theory]
    [InlineData("Grid:Outbound:ConnectTimeout", "00:00:00", "Grid:Outbound:ConnectTimeout is 00:00:00: use more than 0 and at most 00:02:00.")]
    [InlineData("Grid:Outbound:ConnectTimeout", "01:00:00", "Grid:Outbound:ConnectTimeout is 01:00:00: use more than 0 and at most 00:02:00.")]
    [InlineData("Grid:Outbound:MaxRedirects", "0", "Grid:Outbound:MaxRedirects is 0: use 1 to 10.")]
    [InlineData("Grid:Outbound:MaxRedirects", "50", "Grid:Outbound:MaxRedirects is 50: use 1 to 10.")]
    public async Task ABadValueStopsTheStartWithASentenceNamingTheKey(string key, string value, string sentence)
    {
        using var host = Host((key, value));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(sentence, refused.Message);
    }

    [Fact]
    public async Task GoodValuesStartAndReachTheHandlerOfTheGuardedClient()
    {
        using var host = Host(("Grid:Outbound:ConnectTimeout", "00:00:03"), ("Grid:Outbound:MaxRedirects", "2"), ("Grid:Outbound:AllowPrivateNetworks", "true"));
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<OutboundOptions>>().Value;
        using var handler = OutboundConnector.CreateHandler(options);

        Assert.Equal((TimeSpan.FromSeconds(3), 2, true), (handler.ConnectTimeout, handler.MaxAutomaticRedirections, options.AllowPrivateNetworks));
        Assert.IsType<OutboundOptionsValidator>(Assert.Single(host.Services.GetServices<IValidateOptions<OutboundOptions>>()));
        await host.StopAsync();
    }

    /// <summary>A host with the outbound registration alone, run twice as webhooks and pages each run it.</summary>
    private static IHost Host(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
        builder.Services.AddGridOutbound(builder.Configuration);
        builder.Services.AddGridOutbound(builder.Configuration);
        return builder.Build();
    }
}
