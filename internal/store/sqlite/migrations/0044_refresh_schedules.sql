-- SPICE refresh schedules (CreateRefreshSchedule). next_run_at is when the
-- schedule next runs: a node claims a run by moving it on (ClaimRefreshRun),
-- so one run starts one ingestion whichever node sees it first. Keep in step
-- with internal/store/postgres/migrations/0044_refresh_schedules.sql.

CREATE TABLE refresh_schedules (
    account_id     TEXT   NOT NULL,
    data_set_id    TEXT   NOT NULL,
    id             TEXT   NOT NULL,
    frequency      TEXT   NOT NULL,
    refresh_type   TEXT   NOT NULL,
    timezone       TEXT   NOT NULL,
    time_of_day    TEXT   NOT NULL,
    day_of_week    TEXT   NOT NULL,
    day_of_month   TEXT   NOT NULL,
    start_after    INTEGER NOT NULL,
    next_run_at    INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    CONSTRAINT refresh_schedules_pkey PRIMARY KEY (account_id, data_set_id, id),
    CONSTRAINT refresh_schedules_data_set_fkey FOREIGN KEY (account_id, data_set_id)
        REFERENCES data_sets (account_id, id) ON DELETE CASCADE
) STRICT;

-- Serves ListDueRefreshSchedules.
CREATE INDEX refresh_schedules_due ON refresh_schedules (next_run_at);
