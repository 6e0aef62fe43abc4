namespace Grid.Cluster.Tests.Chaos;

/// <summary>One SIGKILL in the chaos run: the paragraphs the articles showed in English just before it, and when it happened.</summary>
/// <param name="SavedBefore">The Arabic of every paragraph already shown translated: known saved (see <c>WorkAtRisk</c>).</param>
/// <param name="KilledAt">Just before the signal.</param>
/// <param name="Over">Once the process was gone.</param>
internal sealed record SiloKill(IReadOnlyCollection<string> SavedBefore, DateTimeOffset KilledAt, DateTimeOffset Over);
