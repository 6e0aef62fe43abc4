-- Grid's PostgreSQL schema, part 5 of 5: Grid's own table beside OrleansStorage. A stored grain state that no longer
-- reads is moved here with its bytes unchanged (PostgresStateSetAside), so that its grain can start again empty and
-- an operator can still look at what was lost. GrainId is Orleans' full grain id, the way operators see it in logs.
CREATE TABLE grid_unreadable_states
(
    SetAsideOn timestamptz NOT NULL DEFAULT now(),
    ServiceId varchar(150) NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainId text NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainIdExtensionString text NOT NULL,
    PayloadBinary bytea,
    ModifiedOn timestamptz NOT NULL,
    Version integer NOT NULL
);
