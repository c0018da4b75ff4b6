-- Anonymous embedding sessions: the dashboards such a session may read
-- (its AuthorizedResourceArns) and its session tags (for row-level
-- security). Both are JSON, null for a registered user's session. Keep in
-- step with internal/store/sqlite/migrations/0045_anonymous_sessions.sql.

ALTER TABLE sessions ADD COLUMN authorized_dashboards TEXT NOT NULL DEFAULT 'null'; -- JSON array of dashboard ids, or null
ALTER TABLE sessions ADD COLUMN tags TEXT NOT NULL DEFAULT 'null'; -- JSON object of session tags, or null
