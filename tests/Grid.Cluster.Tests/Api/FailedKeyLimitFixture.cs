namespace Grid.Cluster.Tests.Api;

/// <summary>A silo with one API key that allows three wrong keys a minute per address.</summary>
public sealed class FailedKeyLimitFixture : ApiSiloFixture
{
    public const string Key = "right-key-7c41e09b2d58a3f6";

    public const int FailedKeyAttemptsPerMinute = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Grid:Api:Keys:0"] = Key,
        ["Grid:Api:FailedKeyAttemptsPerMinute"] = FailedKeyAttemptsPerMinute.ToString(),
    };
}
