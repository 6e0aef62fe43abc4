namespace Grid.Silo.Hosting;

/// <summary><c>Grid:Dashboard</c>: the Orleans dashboard at <c>/dashboard</c> (silos, grains, calls, live logs).</summary>
public sealed class DashboardSettings
{
    /// <summary>On by default; it profiles every grain call, which an operator may turn off with <c>false</c>.</summary>
    public bool Enabled { get; set; } = true;
}
