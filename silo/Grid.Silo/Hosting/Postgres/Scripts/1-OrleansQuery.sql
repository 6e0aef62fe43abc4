-- Grid's PostgreSQL schema for Orleans' ADO.NET providers, part 1 of 5: where the providers find their SQL.
--
-- Each provider (clustering, grain state, reminders) starts by reading every row of OrleansQuery and then runs
-- only the statement text stored under the key it needs ("MembershipReadAllKey", "WriteToStorageKey", ...).
-- The next three scripts each create their tables and store their statements here. Parameters arrive named after
-- the provider's fields (@DeploymentId, @GrainStateVersion, ...); unquoted names fold to lower case in PostgreSQL,
-- and the providers find result columns by name without regard to case.
--
-- A plain CREATE TABLE, not IF NOT EXISTS: a database that already has an OrleansQuery table was set up by
-- someone else, and Grid refuses it rather than mixing its statements with foreign ones.
CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);
