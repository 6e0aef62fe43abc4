using Npgsql;

namespace Grid.Client;

/// <summary>
/// Gateways found in a cluster's PostgreSQL membership table (<c>Grid:Clustering=Postgres</c>): Orleans' ADO.NET gateway
/// list provider reads the silos that accept clients there, through the statement the silo's schema scripts store.
/// </summary>
internal static class PostgresGateways
{
    /// <summary>The ADO.NET provider name Orleans loads Npgsql by (the silo's too).</summary>
    public const string Invariant = "Npgsql";

    /// <summary>What is wrong, in words, with a connection string the provider would only fail on at its first look-up; null when nothing is.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return "Grid:Clustering is Postgres but Grid:Postgres is empty: give the Npgsql connection string the silos use.";
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException error)
        {
            return $"Grid:Postgres is not an Npgsql connection string ({error.Message}).";
        }
        return string.IsNullOrWhiteSpace(settings.Host) ? "Grid:Postgres names no Host: give the PostgreSQL server the silos use." : null;
    }
}
