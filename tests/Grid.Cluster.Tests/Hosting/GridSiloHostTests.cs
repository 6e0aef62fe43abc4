using Grid.Grains.Llm.Slots;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Orleans.GrainDirectory;
using Orleans.Runtime;

namespace Grid.Cluster.Tests.Hosting;

/// <summary>The tests' one host is configured as production is: through the silo's own registration, not a test cluster's defaults.</summary>
public sealed class GridSiloHostTests
{
    /// <summary>Orleans keeps the type internal; production opts in to it by name (<c>AddDistributedGrainDirectory</c>).</summary>
    private const string DistributedDirectory = "Orleans.Runtime.GrainDirectory.DistributedGrainDirectory";

    [Fact]
    public async Task EverySiloOfTheTestHostFindsActivationsThroughTheDistributedGrainDirectory()
    {
        await using var grid = await EmulatedGrid.StartAsync(new EmulatorOptions { TokensPerSecond = 0 }, silos: 2);
        var slots = grid.Client.GetGrain<ILlmSlotGrain>(grid.Emulator.BaseAddress.ToString());
        await slots.GetUsageAsync();

        foreach (var silo in grid.Silo.Silos)
        {
            var directory = silo.Services.GetKeyedService<IGrainDirectory>(GrainDirectoryAttribute.DEFAULT_GRAIN_DIRECTORY);
            Assert.True(directory is not null, $"Silo {silo.SiloAddress} has no default grain directory registered: it runs Orleans' built-in one, not production's.");
            Assert.Equal(DistributedDirectory, directory.GetType().FullName);
            var address = await directory.Lookup(slots.GetGrainId());
            Assert.True(address is not null, $"Silo {silo.SiloAddress}'s distributed directory does not know the slot grain's activation.");
            Assert.Contains(address.SiloAddress, grid.Silo.Silos.Select(each => each.SiloAddress));
        }
    }
}
