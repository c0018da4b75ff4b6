-- SPICE refresh schedules (CreateRefreshSchedule). next_run_at is when the
-- schedule next runs: a node claims a run by moving it on (ClaimRefreshRun),
-- so one run starts one ingestion whichever node sees it first. Keep in step
-- with internal/store/sqlite/migrations/0044_refresh_schedules.sql.

CREATE TABLE refresh_schedules (
    account_id     text   COLLATE "C" NOT NULL,
    data_set_id    text   COLLATE "C" NOT NULL,
    id             text   COLLATE "C" NOT NULL,
    frequency      text   NOT NULL,
    refresh_type   text   NOT NULL,
    timezone       text   NOT NULL,
    time_of_day    text   NOT NULL,
    day_of_week    text   NOT NULL,
    day_of_month   text   NOT NULL,
    start_after    bigint NOT NULL,
    next_run_at    bigint NOT NULL,
    created_at     bigint NOT NULL,
    updated_at     bigint NOT NULL,
    CONSTRAINT refresh_schedules_pkey PRIMARY KEY (account_id, data_set_id, id),
    CONSTRAINT refresh_schedules_data_set_fkey FOREIGN KEY (account_id, data_set_id)
        REFERENCES data_sets (account_id, id) ON DELETE CASCADE
);

-- Serves ListDueRefreshSchedules.
CREATE INDEX refresh_schedules_due ON refresh_schedules (next_run_at);
