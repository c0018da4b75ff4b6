-- Data sources, datasets and SPICE ingestions. Keep in step with
-- internal/store/postgres/migrations/0003_data.sql.

CREATE TABLE data_sources (
    account_id         TEXT    NOT NULL,
    id                 TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    type               TEXT    NOT NULL,
    parameters         BLOB,             -- DataSourceParameters JSON
    ssl_properties     BLOB,
    vpc_properties     BLOB,
    credentials        BLOB,             -- sealed by internal/secretbox
    status             TEXT    NOT NULL,
    error_type         TEXT    NOT NULL,
    error_message      TEXT    NOT NULL,
    permissions        TEXT    NOT NULL, -- JSON array or null
    tags               TEXT    NOT NULL, -- JSON array or null
    version            INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;

CREATE TABLE data_sets (
    account_id         TEXT    NOT NULL,
    id                 TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    import_mode        TEXT    NOT NULL,
    physical_tables    BLOB,             -- PhysicalTableMap JSON as sent
    logical_tables     BLOB,             -- LogicalTableMap JSON as sent
    extra              BLOB,             -- other members, JSON object
    output_columns     TEXT    NOT NULL, -- JSON array or null
    data_source_ids    TEXT    NOT NULL, -- JSON array or null
    permissions        TEXT    NOT NULL,
    tags               TEXT    NOT NULL,
    version            INTEGER NOT NULL,
    spice_ingestion_id TEXT    NOT NULL,
    spice_bytes        INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;

CREATE TABLE ingestions (
    account_id      TEXT    NOT NULL,
    data_set_id     TEXT    NOT NULL,
    id              TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    request_source  TEXT    NOT NULL,
    request_type    TEXT    NOT NULL,
    data_set_version INTEGER NOT NULL,
    error_type      TEXT    NOT NULL,
    error_message   TEXT    NOT NULL,
    rows_ingested   INTEGER NOT NULL,
    rows_dropped    INTEGER NOT NULL,
    size_bytes      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    PRIMARY KEY (account_id, data_set_id, id),
    FOREIGN KEY (account_id, data_set_id) REFERENCES data_sets (account_id, id) ON DELETE CASCADE
) STRICT;

-- Serves FailUnfinishedIngestions.
CREATE INDEX ingestions_unfinished ON ingestions (status) WHERE finished_at IS NULL;
