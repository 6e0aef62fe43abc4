namespace Grid.Silo.Hosting;

/// <summary>Orleans ports; each silo process on one machine needs its own pair.</summary>
public sealed class SiloPortOptions
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
