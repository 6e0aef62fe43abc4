-- Grid's PostgreSQL schema for Orleans' ADO.NET providers, part 2 of 5: cluster membership.
--
-- Orleans' membership protocol needs one version number per cluster (DeploymentId = Grid:ClusterId) that every
-- change to the cluster's silo rows checks and raises in the same statement: a silo reads the table and its version
-- V, then asks to insert or update a row "if the version is still V", which makes it V + 1. Two silos acting on the
-- same reading cannot both succeed; the loser reads again. Heartbeats (IAmAliveTime) are the exception: they change
-- only their own row and leave the version alone.

-- One row per cluster, created by the first silo to start (InsertMembershipVersionKey).
CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150) PRIMARY KEY,
    Timestamp timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0
);

-- One row per silo incarnation: a restarted silo has the same address and port but a new Generation.
-- SuspectTimes is Orleans' own text ("silo,time|silo,time"), stored and returned as it comes.
CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NOT NULL,
    SuspectTimes text,
    StartTime timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the cluster's version row if it is missing; answers one boolean: whether this call created it.
-- Idempotent: every silo calls it as it starts, and all but the first find the row there.
('InsertMembershipVersionKey', $sql$
    WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM created)
$sql$),

-- Every silo of the cluster with the table's version, for the membership protocol. Always at least one row (the
-- version row, joined to no silo when there is none): the provider takes the version from the first row and reads
-- no silo from a row whose StartTime is null.
('MembershipReadAllKey', $sql$
    SELECT v.Version, m.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId
$sql$),

-- One silo's row with the table's version; the same single version row, silo columns null, when it is not there.
('MembershipReadRowKey', $sql$
    SELECT v.Version, m.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId
$sql$),

-- Adds a silo's row only if the table is still at @Version and the row is not there yet; the version then becomes
-- @Version + 1 in the same statement. Answers true when the row was added, false (and nothing changed) otherwise.
-- Two silos racing on the same version: the second waits for the first's lock on the version row, finds the
-- version moved on and changes nothing.
('InsertMembershipKey', $sql$
    WITH bumped AS (
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1, Timestamp = now()
        WHERE DeploymentId = @DeploymentId AND Version = @Version
          AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
        RETURNING DeploymentId),
    added AS (
        INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status,
                                            ProxyPort, StartTime, IAmAliveTime)
        SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
               @ProxyPort, @StartTime, @IAmAliveTime
        FROM bumped
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM added)
$sql$),

-- Changes a silo's status, suspicions and heartbeat only if the table is still at @Version and the row exists;
-- the version then becomes @Version + 1 in the same statement. Answers true when the row changed, false otherwise.
('UpdateMembershipKey', $sql$
    WITH bumped AS (
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1, Timestamp = now()
        WHERE DeploymentId = @DeploymentId AND Version = @Version
          AND EXISTS (SELECT 1 FROM OrleansMembershipTable
                      WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
        RETURNING DeploymentId),
    changed AS (
        UPDATE OrleansMembershipTable m
        SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
        FROM bumped
        WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM changed)
$sql$),

-- A silo's heartbeat: its own row only, no version check and no version change (the protocol allows it, and a
-- heartbeat every few seconds must not make every other change retry).
('UpdateIAmAlivetimeKey', $sql$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$sql$),

-- The gateways a client may connect to: the cluster's silos with status @Status (Active) that accept clients.
('GatewaysQueryKey', $sql$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$sql$),

-- Forgets a whole cluster: its silo rows and its version row.
('DeleteMembershipTableEntriesKey', $sql$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$sql$),

-- Removes rows of silos declared dead (status 6) whose last heartbeat is older than @IAmAliveTime. Only dead rows
-- go, so no live silo's row is touched and the version need not change.
('CleanupDefunctSiloEntriesKey', $sql$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime
$sql$);
