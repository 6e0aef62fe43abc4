using Grid.Abstractions.Translation;

namespace Grid.Grains.Articles;

/// <summary>What recording one answer in a plan did: how many units it answered, how many of them came from the cache, and the work to pay for.</summary>
public sealed record AnswerCount(int Kept, int FromCache, IReadOnlyList<StageUsage> Paid)
{
    public static readonly AnswerCount None = new(0, 0, []);
}
