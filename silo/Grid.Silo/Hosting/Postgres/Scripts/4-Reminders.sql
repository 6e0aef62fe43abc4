-- Grid's PostgreSQL schema for Orleans' ADO.NET providers, part 4 of 5: reminders (kept with Grid:Storage=Postgres).
--
-- One row per grain and reminder name. GrainHash is the grain's place on Orleans' hash ring (a uint sent as a signed
-- int): each silo reads the reminders of its share of the ring. Version is the reminder's ETag: raised by every
-- upsert, checked by a delete, so a delete based on an old reading does not remove a reminder registered again since.
CREATE TABLE OrleansRemindersTable
(
    ServiceId varchar(150) NOT NULL,
    GrainId text NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime timestamptz NOT NULL,
    Period bigint NOT NULL,
    GrainHash integer NOT NULL,
    Version integer NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX OrleansRemindersTable_Ring ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Period is in milliseconds.
('ReadReminderRowsKey', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$sql$),

-- A share of the ring (@BeginHash, @EndHash] that does not wrap: the provider picks this one when
-- @BeginHash < @EndHash as signed ints, the order the column compares in.
('ReadRangeRows1Key', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$sql$),

-- A share of the ring that wraps past the largest hash (or is the whole ring, @BeginHash = @EndHash).
('ReadRangeRows2Key', $sql$
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$sql$),

-- Registers a reminder or replaces its schedule, in one statement whoever else does the same at once; answers the
-- reminder's new version (0 when created).
('UpsertReminderRowKey', $sql$
    INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
        Version = OrleansRemindersTable.Version + 1
    RETURNING Version
$sql$),

-- Removes a reminder only if it is still at @Version; answers whether it did.
('DeleteReminderRowKey', $sql$
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
        WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM deleted)
$sql$),

('DeleteReminderRowsKey', $sql$
    DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$sql$);
