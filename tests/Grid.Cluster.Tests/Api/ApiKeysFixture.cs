namespace Grid.Cluster.Tests.Api;

/// <summary>A silo with two API keys and a limit of five calls a minute per key.</summary>
public sealed class ApiKeysFixture : ApiSiloFixture
{
    public const string ReaderKey = "reader-key-5f2c9a7e41d3";

    public const string LimitedKey = "limited-key-b81e0d6a93f7";

    public const int RequestsPerMinute = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Grid:Api:Keys:0"] = ReaderKey,
        ["Grid:Api:Keys:1"] = LimitedKey,
        ["Grid:Api:RequestsPerMinute"] = RequestsPerMinute.ToString(),
    };
}
