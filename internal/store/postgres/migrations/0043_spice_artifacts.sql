-- Finished SPICE artifacts, readable by every node: the bytes of one
-- ingestion's file in chunks, each with its SHA-256, and the SHA-256 of
-- the whole. They go with their ingestion (and so with their dataset).
-- The SQLite store keeps artifacts on the node's disk: its 0043 is empty.

CREATE TABLE spice_artifacts (
    account_id   text   COLLATE "C" NOT NULL,
    data_set_id  text   COLLATE "C" NOT NULL,
    ingestion_id text   COLLATE "C" NOT NULL,
    size         bigint NOT NULL,
    chunks       integer NOT NULL,
    sha256       bytea  NOT NULL,
    CONSTRAINT spice_artifacts_pkey PRIMARY KEY (account_id, data_set_id, ingestion_id),
    CONSTRAINT spice_artifacts_ingestion_fkey FOREIGN KEY (account_id, data_set_id, ingestion_id)
        REFERENCES ingestions (account_id, data_set_id, id) ON DELETE CASCADE
);

CREATE TABLE spice_artifact_chunks (
    account_id   text    COLLATE "C" NOT NULL,
    data_set_id  text    COLLATE "C" NOT NULL,
    ingestion_id text    COLLATE "C" NOT NULL,
    seq          integer NOT NULL,
    sha256       bytea   NOT NULL,
    data         bytea   NOT NULL,
    CONSTRAINT spice_artifact_chunks_pkey PRIMARY KEY (account_id, data_set_id, ingestion_id, seq),
    CONSTRAINT spice_artifact_chunks_artifact_fkey FOREIGN KEY (account_id, data_set_id, ingestion_id)
        REFERENCES spice_artifacts (account_id, data_set_id, ingestion_id) ON DELETE CASCADE
);
-- The chunks are written once and read whole: keep them out of the
-- compression attempt (SPICE files compress poorly).
ALTER TABLE spice_artifact_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
