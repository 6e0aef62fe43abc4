namespace Grid.Cluster.Tests.Api;

/// <summary>A silo whose operator turned the Orleans dashboard off.</summary>
public sealed class DashboardOffFixture : ApiSiloFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Grid:Dashboard:Enabled"] = "false" };
}
