using Microsoft.Extensions.Configuration;

namespace Grid.OllamaEmulator.Tests;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public void CommandLineFlagsBindToTheOptions()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(
        [
            "--models", "qwen2.5:7b,llama3.2", "--slots", "3", "--max-queue", "5", "--tokens-per-second", "0",
            "--ttft-ms", "250", "--seed", "9", "--fault-busy", "0.1", "--fault-midstream-error", "0.2",
            "--fault-truncate", "0.3", "--fault-preamble", "0.4", "--fault-untranslated", "0.5", "--fault-hang", "0.6",
            "--fault-name-variant", "0.7", "--fault-obey-injection", "0.8", "--fault-obey-injection-whole", "0.9", "--default-num-ctx", "2048", "--context-length", "8192",
        ]).Build();

        var options = EmulatorOptions.FromConfiguration(configuration);

        Assert.Equal(["qwen2.5:7b", "llama3.2:latest"], options.ModelNames);
        Assert.Equal((3, 5, 0d, 250, 9), (options.Slots, options.MaxQueue, options.TokensPerSecond, options.TtftMs, options.Seed));
        Assert.Equal((0.1, 0.2, 0.3, 0.4, 0.5, 0.6), (options.FaultBusy, options.FaultMidstreamError, options.FaultTruncate, options.FaultPreamble, options.FaultUntranslated, options.FaultHang));
        Assert.Equal(0.7, options.FaultNameVariant);
        Assert.Equal(0.7, options.ToRuntimeSettings().FaultNameVariant);
        Assert.Equal((0.8, 0.9), (options.ToRuntimeSettings().FaultObeyInjection, options.ToRuntimeSettings().FaultObeyInjectionWhole));
        Assert.Equal((2048, 8192), (options.DefaultNumCtx, options.ContextLength));
    }

    [Fact]
    public void ImpossibleSettingsAreRefusedAtStart()
    {
        Assert.Throws<ArgumentException>(() => new EmulatorOptions { Slots = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new EmulatorOptions { FaultBusy = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new EmulatorOptions { Models = " , " }.Validate());
    }
}
