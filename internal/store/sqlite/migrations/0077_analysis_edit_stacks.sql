-- The analysis editor's undo and redo stacks, per author's session and
-- analysis, in the store so that any node serves an undo: each entry is
-- a definition to return to, the newest on top. Deleted with the analysis
-- and with the session. Keep in step with
-- internal/store/postgres/migrations/0077_analysis_edit_stacks.sql.

CREATE TABLE analysis_edit_stacks (
    session_id  TEXT    NOT NULL,
    account_id  TEXT    NOT NULL,
    analysis_id TEXT    NOT NULL,
    stack       TEXT    NOT NULL, -- undo or redo
    position    INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    PRIMARY KEY (session_id, account_id, analysis_id, stack, position)
) STRICT;

CREATE TRIGGER analyses_edit_stacks_delete AFTER DELETE ON analyses BEGIN
    DELETE FROM analysis_edit_stacks WHERE account_id = OLD.account_id AND analysis_id = OLD.id;
END;

CREATE TRIGGER sessions_edit_stacks_delete AFTER DELETE ON sessions BEGIN
    DELETE FROM analysis_edit_stacks WHERE session_id = OLD.id;
END;
