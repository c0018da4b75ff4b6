-- Console sessions, dashboards, analyses and favorites. Keep in step with
-- internal/store/sqlite/migrations/0002_sessions_content.sql.

CREATE TABLE sessions (
    id           text   COLLATE "C" NOT NULL, -- hex SHA-256 of the token
    account_id   text   COLLATE "C" NOT NULL,
    namespace    text   COLLATE "C" NOT NULL,
    user_name    text   COLLATE "C" NOT NULL,
    principal_id text   NOT NULL,
    role         text   NOT NULL,
    embed_id     text   NOT NULL,
    entry_point  text   NOT NULL,
    created_at   bigint NOT NULL,
    expires_at   bigint NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (id)
);

-- Serves DeleteUserSessions.
CREATE INDEX sessions_user ON sessions (account_id, namespace, user_name);

-- Serves PurgeSessions.
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE dashboards (
    account_id  text   COLLATE "C" NOT NULL,
    id          text   COLLATE "C" NOT NULL,
    name        text   NOT NULL,
    permissions text   NOT NULL, -- JSON array or null
    created_at  bigint NOT NULL,
    updated_at  bigint NOT NULL,
    CONSTRAINT dashboards_pkey PRIMARY KEY (account_id, id)
);

CREATE TABLE analyses (
    account_id  text   COLLATE "C" NOT NULL,
    id          text   COLLATE "C" NOT NULL,
    name        text   NOT NULL,
    permissions text   NOT NULL, -- JSON array or null
    created_at  bigint NOT NULL,
    updated_at  bigint NOT NULL,
    CONSTRAINT analyses_pkey PRIMARY KEY (account_id, id)
);

-- A favorite names its resource by kind and id, without a foreign key:
-- DeleteDashboard and DeleteAnalysis delete a resource's favorites in the
-- same transaction.
CREATE TABLE favorites (
    account_id   text   COLLATE "C" NOT NULL,
    principal_id text   COLLATE "C" NOT NULL,
    kind         text   COLLATE "C" NOT NULL,
    resource_id  text   COLLATE "C" NOT NULL,
    created_at   bigint NOT NULL,
    CONSTRAINT favorites_pkey PRIMARY KEY (account_id, principal_id, kind, resource_id)
);

-- Serves the deletion of a resource's favorites.
CREATE INDEX favorites_resource ON favorites (account_id, kind, resource_id);
