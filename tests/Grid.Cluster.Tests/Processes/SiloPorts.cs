namespace Grid.Cluster.Tests.Processes;

/// <summary>The three loopback ports one silo process listens on: HTTP, Orleans silo-to-silo, and the client gateway.</summary>
internal sealed record SiloPorts(int Http, int Silo, int Gateway)
{
    public static SiloPorts Free() => new(LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());

    /// <summary>True when all three can be bound again, e.g. after the process that held them was killed.</summary>
    public bool AreFree() => new[] { Http, Silo, Gateway }.All(LoopbackPorts.CanBind);
}
