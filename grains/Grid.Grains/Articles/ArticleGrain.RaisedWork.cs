using Grid.Abstractions.Articles;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// Work of this article that an article of a higher priority waits on (a paragraph this one claimed): it is sent now,
/// beyond the bound on requests out, in the waiter's lane, and a chunk grain already at it raises its job to that lane.
/// Kept in memory only: after a crash, the waiting article's next ask raises it again.
/// </summary>
public sealed partial class ArticleGrain : IParagraphClaimHolder
{
    private readonly Dictionary<string, SlotLane> _raisedWork = new(StringComparer.Ordinal);

    public async Task OnParagraphWantedAsync(string key, SlotLane lane)
    {
        if (!Article.Exists || Article.Status is not (ArticleStatus.Queued or ArticleStatus.Translating) || lane.Priority <= Article.Priority)
            return;
        var raised = Plan.SendNowWorkCarrying(key)
            .Where(item => !_raisedWork.TryGetValue(item.Key, out var before) || before.Priority < lane.Priority)
            .ToList();
        foreach (var item in raised)
            _raisedWork[item.Key] = lane;
        await SendAsync(raised);
    }

    /// <summary>Where a request of this article waits for a slot: the lane of the highest-priority article waiting on it, else the article's own.</summary>
    private SlotLane LaneOf(WorkItem item) => _raisedWork.TryGetValue(item.Key, out var raised) ? raised : Article.Lane;
}
