-- What each user opened last in the console (the start page's "Recently
-- opened"), one row per user and content. Content deleted later is
-- skipped when listed. Keep in step with
-- internal/store/sqlite/migrations/0078_recent_opens.sql.

CREATE TABLE recent_opens (
    account_id   text   COLLATE "C" NOT NULL,
    principal_id text   COLLATE "C" NOT NULL,
    kind         text   COLLATE "C" NOT NULL,
    resource_id  text   COLLATE "C" NOT NULL,
    opened_at    bigint NOT NULL,
    CONSTRAINT recent_opens_pkey PRIMARY KEY (account_id, principal_id, kind, resource_id)
);

-- Serves a user's latest openings.
CREATE INDEX recent_opens_latest ON recent_opens (account_id, principal_id, opened_at DESC);
