using Grid.Abstractions.Articles;
using Grid.Grains.Llm.Slots;

namespace Grid.Grains.Tests.Llm.Slots;

/// <summary>The line's own bookkeeping: counts, removal from anywhere, and nothing left behind.</summary>
public sealed class WaitingLineTests
{
    private readonly WaitingLine<string> _line = new();

    [Fact]
    public void RemovingFromTheMiddleKeepsTheOrderOfTheRestAndTheCount()
    {
        var a1 = _line.Add(new SlotLane(ArticlePriority.Normal, "a"), "a1");
        var a2 = _line.Add(new SlotLane(ArticlePriority.Normal, "a"), "a2");
        _line.Add(new SlotLane(ArticlePriority.Low, "b"), "b1");

        _line.Remove(a2);
        _line.Remove(a2);

        Assert.Equal(2, _line.Count);
        Assert.Equal("a1", _line.TakeFirst());
        Assert.Equal("b1", _line.TakeFirst());
        Assert.Equal(0, _line.Count);
        Assert.Null(_line.First);
        _line.Remove(a1);
        Assert.Equal(0, _line.Count);
    }

    [Fact]
    public void ClearEmptiesEveryLaneAndTheLineCanBeUsedAgain()
    {
        _line.Add(new SlotLane(ArticlePriority.High, "a"), "a1");
        var b1 = _line.Add(new SlotLane(ArticlePriority.Low, "b"), "b1");

        _line.Clear();
        _line.Remove(b1);
        _line.Add(SlotLane.Shared, "c1");

        Assert.Equal(1, _line.Count);
        Assert.Equal(["c1"], _line.All);
        Assert.Equal("c1", _line.TakeFirst());
    }
}
