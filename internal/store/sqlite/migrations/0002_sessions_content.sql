-- Console sessions, dashboards, analyses and favorites. Keep in step with
-- internal/store/postgres/migrations/0002_sessions_content.sql.

CREATE TABLE sessions (
    id           TEXT    NOT NULL PRIMARY KEY, -- hex SHA-256 of the token
    account_id   TEXT    NOT NULL,
    namespace    TEXT    NOT NULL,
    user_name    TEXT    NOT NULL,
    principal_id TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    embed_id     TEXT    NOT NULL,
    entry_point  TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Serves DeleteUserSessions.
CREATE INDEX sessions_user ON sessions (account_id, namespace, user_name);

-- Serves PurgeSessions.
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE dashboards (
    account_id  TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    permissions TEXT    NOT NULL, -- JSON array or null
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;

CREATE TABLE analyses (
    account_id  TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    permissions TEXT    NOT NULL, -- JSON array or null
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;

-- A favorite names its resource by kind and id, without a foreign key:
-- DeleteDashboard and DeleteAnalysis delete a resource's favorites in the
-- same transaction.
CREATE TABLE favorites (
    account_id   TEXT    NOT NULL,
    principal_id TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    resource_id  TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, principal_id, kind, resource_id)
) STRICT, WITHOUT ROWID;

-- Serves the deletion of a resource's favorites.
CREATE INDEX favorites_resource ON favorites (account_id, kind, resource_id);
