-- Data sources, datasets and SPICE ingestions. Keep in step with
-- internal/store/sqlite/migrations/0003_data.sql.

CREATE TABLE data_sources (
    account_id         text   COLLATE "C" NOT NULL,
    id                 text   COLLATE "C" NOT NULL,
    name               text   NOT NULL,
    type               text   NOT NULL,
    parameters         bytea,            -- DataSourceParameters JSON
    ssl_properties     bytea,
    vpc_properties     bytea,
    credentials        bytea,            -- sealed by internal/secretbox
    status             text   NOT NULL,
    error_type         text   NOT NULL,
    error_message      text   NOT NULL,
    permissions        text   NOT NULL,  -- JSON array or null
    tags               text   NOT NULL,  -- JSON array or null
    version            bigint NOT NULL,
    created_at         bigint NOT NULL,
    updated_at         bigint NOT NULL,
    CONSTRAINT data_sources_pkey PRIMARY KEY (account_id, id)
);

CREATE TABLE data_sets (
    account_id         text   COLLATE "C" NOT NULL,
    id                 text   COLLATE "C" NOT NULL,
    name               text   NOT NULL,
    import_mode        text   NOT NULL,
    physical_tables    bytea,            -- PhysicalTableMap JSON as sent
    logical_tables     bytea,            -- LogicalTableMap JSON as sent
    extra              bytea,            -- other members, JSON object
    output_columns     text   NOT NULL,  -- JSON array or null
    data_source_ids    text   NOT NULL,  -- JSON array or null
    permissions        text   NOT NULL,
    tags               text   NOT NULL,
    version            bigint NOT NULL,
    spice_ingestion_id text   NOT NULL,
    spice_bytes        bigint NOT NULL,
    created_at         bigint NOT NULL,
    updated_at         bigint NOT NULL,
    CONSTRAINT data_sets_pkey PRIMARY KEY (account_id, id)
);

CREATE TABLE ingestions (
    account_id       text   COLLATE "C" NOT NULL,
    data_set_id      text   COLLATE "C" NOT NULL,
    id               text   COLLATE "C" NOT NULL,
    status           text   NOT NULL,
    request_source   text   NOT NULL,
    request_type     text   NOT NULL,
    data_set_version bigint NOT NULL,
    error_type       text   NOT NULL,
    error_message    text   NOT NULL,
    rows_ingested    bigint NOT NULL,
    rows_dropped     bigint NOT NULL,
    size_bytes       bigint NOT NULL,
    created_at       bigint NOT NULL,
    finished_at      bigint,
    CONSTRAINT ingestions_pkey PRIMARY KEY (account_id, data_set_id, id),
    CONSTRAINT ingestions_data_set_fkey FOREIGN KEY (account_id, data_set_id)
        REFERENCES data_sets (account_id, id) ON DELETE CASCADE
);

-- Serves FailUnfinishedIngestions.
CREATE INDEX ingestions_unfinished ON ingestions (status) WHERE finished_at IS NULL;
