-- The analysis editor's version history (QuickSight keeps none): every
-- save of an analysis in the editor, numbered, the newest kept, deleted
-- with the analysis. Keep in step with
-- internal/store/sqlite/migrations/0076_analysis_versions.sql.

CREATE TABLE analysis_versions (
    account_id  text   COLLATE "C" NOT NULL,
    analysis_id text   COLLATE "C" NOT NULL,
    number      bigint NOT NULL,
    author      text   NOT NULL,
    summary     text   NOT NULL,
    definition  text   NOT NULL,
    created_at  bigint NOT NULL,
    CONSTRAINT analysis_versions_pkey PRIMARY KEY (account_id, analysis_id, number)
);

CREATE FUNCTION analyses_versions_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM analysis_versions WHERE account_id = OLD.account_id AND analysis_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER analyses_versions_delete AFTER DELETE ON analyses FOR EACH ROW EXECUTE FUNCTION analyses_versions_delete();
