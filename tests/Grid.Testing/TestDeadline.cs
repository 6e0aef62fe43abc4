using System.Reflection;

namespace Grid;

/// <summary>
/// The deadline of every async test: one that hangs (a lost callback, a silo that never answers) fails by its own
/// name within <see cref="Default"/>, and the run goes on, instead of the whole run stopping at the hang limit with a
/// dump. A test that is meant to take longer says so: <c>[Fact(Timeout = …)]</c>. Synchronous tests have no deadline
/// (xunit times out only tasks); they cannot wait on the network the way a cluster test does.
/// </summary>
public static class TestDeadline
{
    /// <summary>Two minutes: the slowest cluster tests take well under one on this machine's kind, under load.</summary>
    public const int Default = 2 * 60 * 1000;

    /// <summary>
    /// Five minutes, for the tests that start several silo processes and kill, stop or restart them (or wait on a
    /// backend that takes a minute on purpose): 60-90 s alone, more beside the rest of the run.
    /// </summary>
    public const int SiloProcesses = 5 * 60 * 1000;

    public static bool IsAsync(MethodInfo method) =>
        typeof(Task).IsAssignableFrom(method.ReturnType)
        || method.ReturnType == typeof(ValueTask)
        || method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>);

    /// <summary>The timeout a test runs under: its own when it gives one, else the default for an async test, else none.</summary>
    public static int For(MethodInfo method, int declared) =>
        declared > 0 || !IsAsync(method) ? declared : Default;
}
