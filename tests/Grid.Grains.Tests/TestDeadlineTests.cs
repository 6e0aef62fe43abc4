using System.Reflection;

namespace Grid.Grains.Tests;

/// <summary>The deadline every async test runs under (tests/Grid.Testing): a hung test fails by its name, fast.</summary>
public sealed class TestDeadlineTests
{
    [Fact]
    public async Task AnAsyncTestWithoutATimeoutOfItsOwnGetsTheDefaultDeadline()
    {
        await Task.Yield();
        Assert.Equal(TestDeadline.Default, TestDeadline.For(Method(nameof(AnAsyncTestWithoutATimeoutOfItsOwnGetsTheDefaultDeadline)), declared: 0));
    }

    [Fact]
    public void ASynchronousTestHasNoDeadlineBecauseXunitTimesOutOnlyTasks() =>
        Assert.Equal(0, TestDeadline.For(Method(nameof(ASynchronousTestHasNoDeadlineBecauseXunitTimesOutOnlyTasks)), declared: 0));

    [Fact]
    public void ATestThatGivesItsOwnTimeoutKeepsIt() =>
        Assert.Equal(8 * 60 * 1000, TestDeadline.For(Method(nameof(AnAsyncTestWithoutATimeoutOfItsOwnGetsTheDefaultDeadline)), declared: 8 * 60 * 1000));

    [Theory]
    [InlineData(nameof(AnAsyncTestWithoutATimeoutOfItsOwnGetsTheDefaultDeadline))]
    [InlineData(nameof(ATheoryIsGridsToo))]
    public void APlainFactOrTheoryInAGridTestIsGridsOwnNotXunits(string test) =>
        Assert.Equal("Grid", Method(test).GetCustomAttribute<Xunit.FactAttribute>()!.GetType().Namespace);

    [Theory]
    [InlineData(1)]
    public async Task ATheoryIsGridsToo(int row)
    {
        await Task.Yield();
        Assert.Equal(1, row);
    }

    private static MethodInfo Method(string name) => typeof(TestDeadlineTests).GetMethod(name)!;
}
