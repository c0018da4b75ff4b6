-- What each user opened last in the console (the start page's "Recently
-- opened"), one row per user and content. Content deleted later is
-- skipped when listed. Keep in step with
-- internal/store/postgres/migrations/0078_recent_opens.sql.

CREATE TABLE recent_opens (
    account_id   TEXT    NOT NULL,
    principal_id TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    resource_id  TEXT    NOT NULL,
    opened_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, principal_id, kind, resource_id)
) STRICT, WITHOUT ROWID;

-- Serves a user's latest openings.
CREATE INDEX recent_opens_latest ON recent_opens (account_id, principal_id, opened_at DESC);
