-- Grid's PostgreSQL schema for Orleans' ADO.NET providers, part 3 of 5: grain state (Grid:Storage=Postgres).
--
-- One row per grain and state name. The provider gives a grain's key as two numbers and a string (a Guid key as its
-- two halves, an integer key in GrainIdN1, a string key in GrainIdExtensionString with both numbers 0). A key with no
-- string part is stored with '' rather than NULL, so that the key is one plain primary key every statement can use
-- with "=" (a string key is never empty).
--
-- Version is the state's ETag: each write or clear raises it by one and succeeds only from the version the grain
-- last read or wrote, so a second activation of the same grain (or a stale one) cannot overwrite newer state.
-- Orleans turns the answers below into an InconsistentStateException when they say "no change".
CREATE TABLE OrleansStorage
(
    ServiceId varchar(150) NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainIdExtensionString text NOT NULL,
    PayloadBinary bytea,
    ModifiedOn timestamptz NOT NULL DEFAULT now(),
    Version integer NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- The provider also sends @GrainIdHash and @GrainTypeHash; the primary key finds a row without them.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- The state and its version; no row when the grain never wrote. A cleared state reads as a null payload with the
-- version it was cleared at, so the grain's next write still checks against that version.
('ReadFromStorageKey', $sql$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
$sql$),

-- Writes the state; always answers exactly one row, NewGrainStateVersion:
--   @GrainStateVersion null (the grain read no row): the row is created at version 1, unless another activation
--     created it meanwhile: then nothing changes and the answer is null.
--   @GrainStateVersion = n: the row is replaced and becomes n + 1 only if it is still at n; otherwise (changed by
--     someone else, or gone) nothing changes and the answer is null.
('WriteToStorageKey', $sql$
    WITH replaced AS (
        UPDATE OrleansStorage
        SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
        WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
          AND Version = @GrainStateVersion
        RETURNING Version),
    created AS (
        INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version)
    SELECT coalesce((SELECT Version FROM replaced), (SELECT Version FROM created)) AS NewGrainStateVersion
$sql$),

-- Empties the state but keeps the row and raises its version, from @GrainStateVersion only; answers the new version,
-- or null when the row was not at that version (nothing changed).
('ClearStorageKey', $sql$
    WITH cleared AS (
        UPDATE OrleansStorage
        SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
        WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
          AND Version = @GrainStateVersion
        RETURNING Version)
    SELECT (SELECT Version FROM cleared) AS NewGrainStateVersion
$sql$),

-- Deletes the row (when the provider is set to delete on clear), from @GrainStateVersion only. Answers the deleted
-- version + 1, so that the provider sees a version different from the grain's and knows the delete happened; null
-- when the row was not at that version (nothing changed).
('DeleteStorageKey', $sql$
    WITH deleted AS (
        DELETE FROM OrleansStorage
        WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString = coalesce(@GrainIdExtensionString, '')
          AND Version = @GrainStateVersion
        RETURNING Version)
    SELECT (SELECT Version + 1 FROM deleted) AS NewGrainStateVersion
$sql$);
