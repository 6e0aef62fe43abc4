using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ParagraphWindowsTests
{
    [Fact]
    public void WholeParagraphsArePackedInOrderAsManyToAWindowAsFitTheBudget()
    {
        var windows = ParagraphWindows.Of(["aaaa", "bbb", "cc", "dddd", "e"], budget: 7, cost: paragraph => paragraph.Length);

        Assert.Equal(["aaaa\n\nbbb", "cc\n\ndddd\n\ne"], windows);
    }

    [Fact]
    public void AParagraphOverTheBudgetHasAWindowOfItsOwn()
    {
        var windows = ParagraphWindows.Of(["ab", "longer than the budget", "cd"], budget: 5, cost: paragraph => paragraph.Length);

        Assert.Equal(["ab", "longer than the budget", "cd"], windows);
    }

    [Fact]
    public void NoParagraphsMakeNoWindow() =>
        Assert.Empty(ParagraphWindows.Of([], budget: 10, cost: paragraph => paragraph.Length));
}
