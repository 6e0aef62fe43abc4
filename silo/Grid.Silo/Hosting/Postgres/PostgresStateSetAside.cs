using Grid.Grains.Storage;
using Npgsql;

namespace Grid.Silo.Hosting.Postgres;

/// <summary>
/// Sets an unreadable state aside in PostgreSQL: its row of Orleans' <c>OrleansStorage</c> moves to
/// <c>grid_unreadable_states</c> in one statement, bytes unchanged. The row is found as Orleans' ADO.NET storage keys it:
/// service id, state name (its <c>GrainTypeString</c>) and the grain's key split into <c>N0</c>, <c>N1</c> and a string
/// ('' when the key has no string part, see <c>3-GrainState.sql</c>).
/// </summary>
public sealed class PostgresStateSetAside(string connectionString, string serviceId) : IStateSetAside
{
    private const string Move = """
        WITH moved AS (
            DELETE FROM orleansstorage
            WHERE serviceid = @serviceid AND graintypestring = @state AND grainidn0 = @n0 AND grainidn1 = @n1
              AND grainidextensionstring = coalesce(@extension, '')
            RETURNING serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring, payloadbinary, modifiedon, version)
        INSERT INTO grid_unreadable_states (serviceid, graintypestring, grainid, grainidn0, grainidn1, grainidextensionstring, payloadbinary, modifiedon, version)
        SELECT serviceid, graintypestring, @grainid, grainidn0, grainidn1, grainidextensionstring, payloadbinary, modifiedon, version FROM moved
        """;

    public async Task<string> SetAsideAsync(string stateName, GrainId grainId)
    {
        var key = OrleansStorageKey.Of(grainId);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var move = new NpgsqlCommand(Move, connection);
        move.Parameters.AddWithValue("serviceid", serviceId);
        move.Parameters.AddWithValue("state", stateName);
        move.Parameters.AddWithValue("n0", key.N0);
        move.Parameters.AddWithValue("n1", key.N1);
        move.Parameters.Add(new NpgsqlParameter<string?>("extension", NpgsqlTypes.NpgsqlDbType.Varchar) { TypedValue = key.Extension });
        move.Parameters.AddWithValue("grainid", grainId.ToString());
        // Nothing moved means the row is not where Orleans keeps it: starting the grain empty would then hide it, so say so.
        if (await move.ExecuteNonQueryAsync() == 0)
            throw new InvalidOperationException($"The unreadable state '{stateName}' of grain {grainId} was not found in orleansstorage to set aside.");
        return "table grid_unreadable_states of " + PostgresConnectionString.Describe(connectionString);
    }
}
