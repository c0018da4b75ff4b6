-- Analysis and dashboard definitions, statuses, recovery windows and
-- dashboard versions. Keep in step with
-- internal/store/sqlite/migrations/0005_definitions.sql.

ALTER TABLE analyses
    ADD COLUMN tags       text   NOT NULL DEFAULT 'null', -- JSON array or null
    ADD COLUMN status     text   NOT NULL DEFAULT '',
    ADD COLUMN errors     text   NOT NULL DEFAULT 'null', -- JSON array or null
    ADD COLUMN definition text,                           -- JSON as received, or NULL
    ADD COLUMN theme_arn  text   NOT NULL DEFAULT '',
    ADD COLUMN delete_at  bigint,                         -- NULL unless deleted
    ADD COLUMN revision   bigint NOT NULL DEFAULT 0;

-- Serves PurgeAnalyses.
CREATE INDEX analyses_delete_at ON analyses (delete_at) WHERE delete_at IS NOT NULL;

ALTER TABLE dashboards
    ADD COLUMN tags              text   NOT NULL DEFAULT 'null',
    ADD COLUMN link_entities     text   NOT NULL DEFAULT 'null',
    ADD COLUMN latest_version    bigint NOT NULL DEFAULT 0,
    ADD COLUMN published_version bigint NOT NULL DEFAULT 0,
    ADD COLUMN last_published_at bigint, -- NULL: never
    ADD COLUMN revision          bigint NOT NULL DEFAULT 0;

CREATE TABLE dashboard_versions (
    account_id        text   COLLATE "C" NOT NULL,
    dashboard_id      text   COLLATE "C" NOT NULL,
    number            bigint NOT NULL,
    status            text   NOT NULL,
    errors            text   NOT NULL, -- JSON array or null
    definition        text,            -- JSON as received, or NULL
    description       text   NOT NULL,
    source_entity_arn text   NOT NULL,
    theme_arn         text   NOT NULL,
    publish_options   text,            -- JSON as received, or NULL
    created_at        bigint NOT NULL,
    CONSTRAINT dashboard_versions_pkey PRIMARY KEY (account_id, dashboard_id, number),
    CONSTRAINT dashboard_versions_dashboard FOREIGN KEY (account_id, dashboard_id)
        REFERENCES dashboards (account_id, id) ON DELETE CASCADE
);
