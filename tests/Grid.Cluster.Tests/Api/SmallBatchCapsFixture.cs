namespace Grid.Cluster.Tests.Api;

/// <summary>A silo whose batches hold at most five articles and 64 KiB.</summary>
public sealed class SmallBatchCapsFixture : ApiSiloFixture
{
    public const int MaxItems = 5;

    public const int MaxBytes = 64 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Grid:Api:MaxBatchItems"] = MaxItems.ToString(),
        ["Grid:Api:MaxBatchBytes"] = MaxBytes.ToString(),
    };
}
