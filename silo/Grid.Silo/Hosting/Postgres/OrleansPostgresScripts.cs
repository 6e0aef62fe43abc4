using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Grid.Silo.Hosting.Postgres;

/// <summary>
/// Grid's PostgreSQL schema, embedded from <c>Hosting/Postgres/Scripts</c>: the tables Orleans' ADO.NET providers use
/// and the statements they look up in <c>OrleansQuery</c> (written for Grid from the providers' contract), then Grid's
/// own table for states set aside; in the order they must run.
/// </summary>
public static class OrleansPostgresScripts
{
    /// <summary><c>OrleansQuery</c> first: each of the next three stores its statements there.</summary>
    private static readonly string[] Names =
        ["1-OrleansQuery.sql", "2-Membership.sql", "3-GrainState.sql", "4-Reminders.sql", "5-UnreadableStates.sql", "6-ArticleIndex.sql", "7-ArticleIndexScope.sql", "8-ArticleIndexSearch.sql"];

    public static IReadOnlyList<SqlScript> All { get; } = [.. Names.Select(Load)];

    private static SqlScript Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Grid.Silo.Hosting.Postgres.Scripts.{name}")
            ?? throw new InvalidOperationException($"The SQL script {name} is not embedded in Grid.Silo.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        return new SqlScript(name, text, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }
}
