-- The analysis editor's undo and redo stacks, per author's session and
-- analysis, in the store so that any node serves an undo: each entry is
-- a definition to return to, the newest on top. Deleted with the analysis
-- and with the session. Keep in step with
-- internal/store/sqlite/migrations/0077_analysis_edit_stacks.sql.

CREATE TABLE analysis_edit_stacks (
    session_id  text   COLLATE "C" NOT NULL,
    account_id  text   COLLATE "C" NOT NULL,
    analysis_id text   COLLATE "C" NOT NULL,
    stack       text   COLLATE "C" NOT NULL, -- undo or redo
    position    bigint NOT NULL,
    definition  text   NOT NULL,
    CONSTRAINT analysis_edit_stacks_pkey PRIMARY KEY (session_id, account_id, analysis_id, stack, position)
);

CREATE FUNCTION analyses_edit_stacks_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM analysis_edit_stacks WHERE account_id = OLD.account_id AND analysis_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER analyses_edit_stacks_delete AFTER DELETE ON analyses FOR EACH ROW EXECUTE FUNCTION analyses_edit_stacks_delete();

CREATE FUNCTION sessions_edit_stacks_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM analysis_edit_stacks WHERE session_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER sessions_edit_stacks_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION sessions_edit_stacks_delete();
