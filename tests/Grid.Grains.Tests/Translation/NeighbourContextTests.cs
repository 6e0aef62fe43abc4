using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Glossary;

public sealed class NeighbourContextTests
{
    private const string Previous = "أعلن المتحدث أن الوزارة ستستضيف مسؤولين. وقال كيربي إن الاجتماع سيتناول الشق التقني للعلاقة العسكرية بين البلدين";

    [Fact]
    public void AShortPreviousChunkIsTheWholeContext() =>
        Assert.Equal("قال كيربي.", NeighbourContext.Before(" قال كيربي. ", 100));

    [Fact]
    public void TheContextStartsAtASentenceWithinTheBudget()
    {
        var context = NeighbourContext.Before(Previous, 90);
        Assert.Equal("وقال كيربي إن الاجتماع سيتناول الشق التقني للعلاقة العسكرية بين البلدين", context);
        Assert.True(context!.Length <= 90);
    }

    [Fact]
    public void WithoutASentenceEndInTheBudgetTheContextStartsAtAWord()
    {
        var context = NeighbourContext.Before(Previous, 30);
        Assert.NotNull(context);
        Assert.True(context.Length <= 30, context);
        Assert.EndsWith(context, Previous);
        Assert.Equal(' ', Previous[^(context.Length + 1)]);
    }

    [Theory]
    [InlineData(null, 300)]
    [InlineData("", 300)]
    [InlineData("قال كيربي", 0)]
    public void NoPreviousChunkOrNoBudgetIsNoContext(string? previous, int budget) =>
        Assert.Null(NeighbourContext.Before(previous, budget));
}
