using Xunit.Sdk;

namespace Grid;

/// <summary>
/// xunit's <see cref="Xunit.FactAttribute"/> with <see cref="TestDeadline"/>. Every test namespace is under
/// <c>Grid</c>, and C# finds a type of an enclosing namespace before one imported by <c>using Xunit</c>, so a plain
/// <c>[Fact]</c> in any Grid test is this one: nobody can forget the deadline.
/// </summary>
[XunitTestCaseDiscoverer("Grid.Testing.DeadlineFactDiscoverer", "Grid.Testing")]
public class FactAttribute : Xunit.FactAttribute;

/// <summary><see cref="Xunit.TheoryAttribute"/> with <see cref="TestDeadline"/>, the way <see cref="FactAttribute"/> is.</summary>
[XunitTestCaseDiscoverer("Grid.Testing.DeadlineTheoryDiscoverer", "Grid.Testing")]
public sealed class TheoryAttribute : Xunit.TheoryAttribute;
