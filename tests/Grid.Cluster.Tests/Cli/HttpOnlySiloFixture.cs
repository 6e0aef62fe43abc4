using Grid.Cluster.Tests.Api;

namespace Grid.Cluster.Tests.Cli;

/// <summary>A silo whose HTTP API wants an API key, for the CLI over HTTP; its Orleans gateway is on a port the CLI is never told.</summary>
public sealed class HttpOnlySiloFixture : ApiSiloFixture
{
    public const string Key = "cli-over-http-key-3c8e51f0a7d2";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Grid:Api:Keys:0"] = Key,
        ["Grid:Api:RequestsPerMinute"] = "0",
    };

    public string Url => Silo.Address.ToString();
}
