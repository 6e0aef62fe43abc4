namespace Grid.Grains.Storage;

/// <summary>The row of one grain state: which provider, which grain, which of its states.</summary>
internal readonly record struct StateKey(string Provider, string GrainType, string GrainId, string StateName)
{
    public override string ToString() => $"{Provider}/{GrainType}/{GrainId}/{StateName}";
}
