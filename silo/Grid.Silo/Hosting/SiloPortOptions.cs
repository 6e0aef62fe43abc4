namespace Grid.Silo.Hosting;

/// <summary>Orleans ports and address; each silo process on one machine needs its own pair of ports.</summary>
public sealed class SiloPortOptions
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one on; set it to the host's address when silos run on several machines.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";
}
