using Xunit.Abstractions;
using Xunit.Sdk;

namespace Grid.Testing;

/// <summary>Finds <see cref="Grid.FactAttribute"/> tests as xunit does, each under <see cref="TestDeadline"/>.</summary>
public sealed class DeadlineFactDiscoverer(IMessageSink diagnostics) : FactDiscoverer(diagnostics)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new DeadlineTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>Finds <see cref="Grid.TheoryAttribute"/> tests as xunit does, each row (or the whole theory) under <see cref="TestDeadline"/>.</summary>
public sealed class DeadlineTheoryDiscoverer(IMessageSink diagnostics) : TheoryDiscoverer(diagnostics)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new DeadlineTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        [new DeadlineTheoryTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)];
}

/// <summary>A fact, or one row of a theory, whose timeout is <see cref="TestDeadline.For"/>.</summary>
public sealed class DeadlineTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public DeadlineTestCase() { }

    public DeadlineTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, object[]? arguments = null)
        : base(diagnostics, display, displayOptions, testMethod, arguments) { }

    protected override void Initialize()
    {
        base.Initialize();
        Timeout = TestDeadline.For(TestMethod.Method.ToRuntimeMethod(), Timeout);
    }
}

/// <summary>A theory whose rows are found when it runs, under <see cref="TestDeadline.For"/>.</summary>
public sealed class DeadlineTheoryTestCase : XunitTheoryTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public DeadlineTheoryTestCase() { }

    public DeadlineTheoryTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod) { }

    protected override void Initialize()
    {
        base.Initialize();
        Timeout = TestDeadline.For(TestMethod.Method.ToRuntimeMethod(), Timeout);
    }
}
