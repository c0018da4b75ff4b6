-- Analysis and dashboard definitions, statuses, recovery windows and
-- dashboard versions. Keep in step with
-- internal/store/postgres/migrations/0005_definitions.sql.

ALTER TABLE analyses ADD COLUMN tags       TEXT    NOT NULL DEFAULT 'null'; -- JSON array or null
ALTER TABLE analyses ADD COLUMN status     TEXT    NOT NULL DEFAULT '';
ALTER TABLE analyses ADD COLUMN errors     TEXT    NOT NULL DEFAULT 'null'; -- JSON array or null
ALTER TABLE analyses ADD COLUMN definition TEXT;                            -- JSON as received, or NULL
ALTER TABLE analyses ADD COLUMN theme_arn  TEXT    NOT NULL DEFAULT '';
ALTER TABLE analyses ADD COLUMN delete_at  INTEGER;                         -- NULL unless deleted
ALTER TABLE analyses ADD COLUMN revision   INTEGER NOT NULL DEFAULT 0;

-- Serves PurgeAnalyses.
CREATE INDEX analyses_delete_at ON analyses (delete_at) WHERE delete_at IS NOT NULL;

ALTER TABLE dashboards ADD COLUMN tags              TEXT    NOT NULL DEFAULT 'null';
ALTER TABLE dashboards ADD COLUMN link_entities     TEXT    NOT NULL DEFAULT 'null';
ALTER TABLE dashboards ADD COLUMN latest_version    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dashboards ADD COLUMN published_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dashboards ADD COLUMN last_published_at INTEGER; -- NULL: never
ALTER TABLE dashboards ADD COLUMN revision          INTEGER NOT NULL DEFAULT 0;

CREATE TABLE dashboard_versions (
    account_id        TEXT    NOT NULL,
    dashboard_id      TEXT    NOT NULL,
    number            INTEGER NOT NULL,
    status            TEXT    NOT NULL,
    errors            TEXT    NOT NULL, -- JSON array or null
    definition        TEXT,             -- JSON as received, or NULL
    description       TEXT    NOT NULL,
    source_entity_arn TEXT    NOT NULL,
    theme_arn         TEXT    NOT NULL,
    publish_options   TEXT,             -- JSON as received, or NULL
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (account_id, dashboard_id, number),
    FOREIGN KEY (account_id, dashboard_id) REFERENCES dashboards (account_id, id) ON DELETE CASCADE
) STRICT;
