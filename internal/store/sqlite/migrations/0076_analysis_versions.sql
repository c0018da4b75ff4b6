-- The analysis editor's version history (QuickSight keeps none): every
-- save of an analysis in the editor, numbered, the newest kept, deleted
-- with the analysis. Keep in step with
-- internal/store/postgres/migrations/0076_analysis_versions.sql.

CREATE TABLE analysis_versions (
    account_id  TEXT    NOT NULL,
    analysis_id TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    author      TEXT    NOT NULL,
    summary     TEXT    NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, analysis_id, number)
) STRICT;

CREATE TRIGGER analyses_versions_delete AFTER DELETE ON analyses BEGIN
    DELETE FROM analysis_versions WHERE account_id = OLD.account_id AND analysis_id = OLD.id;
END;
